package dev.descent.export;

import com.google.protobuf.ByteString;
import dev.descent.export.onnx.Onnx.AttributeProto;
import dev.descent.export.onnx.Onnx.GraphProto;
import dev.descent.export.onnx.Onnx.NodeProto;
import dev.descent.export.onnx.Onnx.TensorProto;
import dev.descent.export.onnx.Onnx.TensorShapeProto;
import dev.descent.export.onnx.Onnx.TypeProto;
import dev.descent.export.onnx.Onnx.ValueInfoProto;
import dev.descent.tensor.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ONNX graph being assembled: float32 initializers, nodes whose outputs are named after what
 * they hold ({@code Z1}, {@code A1}), and the graph's inputs and outputs with a symbolic batch
 * dimension. Only what {@link OnnxExport} needs.
 */
final class OnnxGraph {
  static final String BATCH = "batch";
  private final GraphProto.Builder graph = GraphProto.newBuilder();

  OnnxGraph(String name, String doc) {
    graph.setName(name).setDocString(doc);
  }

  /** A float32 initializer of the matrix's shape, or of {@code dims} when given. */
  String initializer(String name, Matrix values, long... dims) {
    float[] f = new float[values.size()];
    for (int k = 0; k < f.length; k++) {
      f[k] = (float) values.getFlat(k);
    }
    return initializer(name, f, dims.length > 0 ? dims : new long[] {values.rows(), values.cols()});
  }

  String initializer(String name, float[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    TensorProto.Builder t = TensorProto.newBuilder().setName(name)
        .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(raw.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return name;
  }

  /** Adds a node computing {@code output} from {@code inputs}; returns {@code output}. */
  String node(String op, String output, String[] inputs, AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + output).addOutput(output);
    for (String in : inputs) {
      n.addInput(in);
    }
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return output;
  }

  String node(String op, String output, String input, AttributeProto... attributes) {
    return node(op, output, new String[] {input}, attributes);
  }

  static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static AttributeProto floatAttribute(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  /** A graph input of {@code elementType} (a {@code TensorProto.DataType}) and shape (batch, columns). */
  void input(String name, int elementType, int columns, String doc) {
    graph.addInput(value(name, elementType, columns, doc));
  }

  /** A graph output of shape (batch, columns), or (batch) when {@code columns} is 0. */
  void output(String name, int elementType, int columns, String doc) {
    graph.addOutput(value(name, elementType, columns, doc));
  }

  GraphProto build() {
    return graph.build();
  }

  private static ValueInfoProto value(String name, int elementType, int columns, String doc) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    if (columns > 0) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns));
    }
    TypeProto type = TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape)).build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).setDocString(doc).build();
  }
}
