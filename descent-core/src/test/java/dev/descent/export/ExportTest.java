package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.data.Standardizer;
import dev.descent.export.onnx.Onnx.ModelProto;
import dev.descent.export.onnx.Onnx.NodeProto;
import dev.descent.model.Model;
import dev.descent.nn.Activation;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.BuildContext;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerSpec;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.regularize.Dropout;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The graph {@link OnnxExport} builds and the arrays {@link NpzExport} writes (ONNX Runtime runs them in the CLI's tests). */
class ExportTest {

  static Model model() {
    NetworkBuilder b = Network.builder(2, Precision.F32, Rng.of(1)).dense(4, Init.he(), false);
    b.layer(BatchNorm.after(b)).activation(Activation.RELU).layer(Dropout.keep(0.8)).dense(3, Init.he())
        .loss(Loss.CATEGORICAL_CROSS_ENTROPY);
    return new Model(b.build(), new Standardizer(new double[] {1, 2}, new double[] {0.5, 0}),
        List.of("a", "bb", "c"), List.of("x1", "x2"), Map.of("epochs", 3));
  }

  @Test
  void theGraphStandardizesThenRunsTheLayersThenGivesProbabilitiesAndLabel() {
    ModelProto m = OnnxExport.toProto(model());
    assertEquals(17, m.getOpsetImport(0).getVersion());
    List<String> ops = new ArrayList<>();
    for (NodeProto n : m.getGraph().getNodeList()) {
      ops.add(n.getOpType() + ":" + n.getOutput(0));
    }
    assertEquals(List.of("Sub:centred", "Div:standardized", "Gemm:Z1", "BatchNormalization:Zn1", "Relu:A1",
        "Identity:dropout_A1", "Gemm:Z2", "Softmax:probabilities", "ArgMax:label"), ops);
    assertEquals("features", m.getGraph().getInput(0).getName());
    assertEquals(List.of("probabilities", "label"), List.of(m.getGraph().getOutput(0).getName(), m.getGraph().getOutput(1).getName()));
    Map<String, String> meta = new LinkedHashMap<>();
    m.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
    assertEquals("[\"x1\",\"x2\"]", meta.get("feature_names"));
    assertEquals("[\"a\",\"bb\",\"c\"]", meta.get("class_names"));
    // a constant feature (std 0) is only centred, as Standardizer.standardize does
    ByteBuffer std = m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("standardizer_std"))
        .findFirst().orElseThrow().getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0.5f, std.getFloat(0));
    assertEquals(1f, std.getFloat(4));
  }

  @Test
  void aLayerWithoutAnOnnxFormIsRefusedByName() {
    Layer odd = new Layer() {
      public Variable apply(Tape tape, Variable input, BuildContext context) { return input; }
      public List<Variable> parameters() { return List.of(); }
      public int outputSize(int inputs) { return inputs; }
      public LayerSpec spec() { return new LayerSpec("odd", Map.of()); }
      public String toString() { return "odd"; }
    };
    Model m = new Model(Network.builder(2, Precision.F32, Rng.of(1)).dense(1, Init.he()).layer(odd)
        .loss(Loss.BINARY_CROSS_ENTROPY).build(), null, List.of("0", "1"), List.of(), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxExport.toProto(m));
    assertEquals("layer odd after dense layer 1 has no ONNX form; export handles dense, activation, batch_norm"
        + " and dropout layers", e.getMessage());
  }

  @Test
  void theNpzHoldsNamedNpyArraysInPyTorchsShapes() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(NpzExport.toBytes(model())))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        members.put(e.getName(), zip.readAllBytes());
      }
    }
    assertEquals(List.of("W1.npy", "gamma1.npy", "beta1.npy", "running_mean1.npy", "running_variance1.npy", "W2.npy",
        "b2.npy", "standardizer_mean.npy", "standardizer_std.npy", "features.npy", "classes.npy"), List.copyOf(members.keySet()));
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }", dict(members.get("W1.npy")));
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", dict(members.get("b2.npy")));
    assertEquals("{'descr': '<U2', 'fortran_order': False, 'shape': (3,), }", dict(members.get("classes.npy")));
    Model m = model();
    ByteBuffer w1 = data(members.get("W1.npy"));
    assertEquals((float) m.network().parameters().get(0).value().get(1, 0), w1.getFloat(2 * 4));
    ByteBuffer classes = data(members.get("classes.npy"));
    assertEquals(List.of((int) 'a', 0, (int) 'b', (int) 'b'), List.of(classes.getInt(0), classes.getInt(4), classes.getInt(8), classes.getInt(12)));
  }

  private static String dict(byte[] npy) {
    int length = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    assertEquals(0, (10 + length) % 64, "the data start at a multiple of 64 bytes");
    return new String(npy, 10, length, StandardCharsets.US_ASCII).strip();
  }

  private static ByteBuffer data(byte[] npy) {
    int length = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    return ByteBuffer.wrap(npy, 10 + length, npy.length - 10 - length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
