package dev.descent.export;

import static dev.descent.export.OnnxGraph.floatAttribute;
import static dev.descent.export.OnnxGraph.intAttribute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.data.Standardizer;
import dev.descent.export.onnx.Onnx.ModelProto;
import dev.descent.export.onnx.Onnx.OperatorSetIdProto;
import dev.descent.export.onnx.Onnx.StringStringEntryProto;
import dev.descent.export.onnx.Onnx.TensorProto;
import dev.descent.model.Model;
import dev.descent.model.Version;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.regularize.Dropout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model as an ONNX graph (opset 17, IR version 8) that takes raw features, as {@code descent
 * predict} does: the standardizer is its first nodes ({@code Sub} the mean, {@code Div} by the
 * standard deviation, 1 where it is 0), then per layer {@code Gemm} (Z = A·Wᵀ + b, so W keeps its
 * n[l] × n[l−1] shape with {@code transB = 1}), the activation ({@code Relu}, {@code LeakyRelu}
 * with α = 0.01, {@code Tanh}, {@code Sigmoid}, {@code Identity}), {@code BatchNormalization} in
 * inference form with the running statistics, and dropout as {@code Identity}.
 *
 * <p>Input {@code features}: float32, (batch, n0). Outputs of a classifier: {@code probabilities}
 * (batch, classes) — for a binary model [1 − p, p], the columns {@code p_0, p_1} of {@code descent
 * predict} — and {@code label} (int64, (batch)), the index of the class in the metadata's
 * {@code class_names} ({@code ArgMax}, the first on a tie: p = 0.5 is class 0, as in Descent). A
 * regression model has {@code predictions}, (batch, outputs). The graph computes in float32; a
 * float64 model's parameters are rounded once. Metadata: {@code feature_names} and {@code
 * class_names} (JSON arrays), {@code loss}, {@code precision}, {@code settings} (JSON).
 *
 * <pre>{@code
 * OnnxExport.write(ModelFile.read(Path.of("model.descent")), Path.of("model.onnx"));
 * // python: onnxruntime.InferenceSession("model.onnx").run(None, {"features": x})
 * }</pre>
 */
public final class OnnxExport {
  public static final int OPSET = 17;
  public static final int IR_VERSION = 8;
  public static final String INPUT = "features";
  public static final String PROBABILITIES = "probabilities";
  public static final String LABEL = "label";
  public static final String PREDICTIONS = "predictions";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnnxExport() {}

  /** Writes {@link #toProto} to {@code file}, atomically. */
  public static void write(Model model, Path file) {
    ExportFile.write(file, toProto(model).toByteArray());
  }

  public static ModelProto toProto(Model model) {
    Network net = model.network();
    OnnxGraph g = new OnnxGraph("descent", "a Descent " + net.loss().label() + " network");
    g.input(INPUT, TensorProto.DataType.FLOAT_VALUE, net.inputs(), "raw features "
        + (model.featureNames().isEmpty() ? "" : String.join(", ", model.featureNames())));
    String a = standardize(g, model.standardizer(), INPUT);
    int dense = 0;
    for (Layer layer : net.layers()) {
      if (layer instanceof Dense) {
        dense++;
      }
      a = layer(g, layer, a, dense);
    }
    outputs(g, model, a);
    ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("descent")
        .setProducerVersion(Version.CURRENT).setModelVersion(1)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(g.build());
    metadata(model).forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return m.build();
  }

  private static String standardize(OnnxGraph g, Standardizer s, String x) {
    if (s == null) {
      return x;
    }
    int n = s.mean().length;
    float[] mean = new float[n];
    float[] std = new float[n];
    for (int j = 0; j < n; j++) {
      mean[j] = (float) s.mean()[j];
      std[j] = (float) (s.std()[j] == 0 ? 1 : s.std()[j]);   // as Standardizer.standardize: a constant feature is only centred
    }
    String centred = g.node("Sub", "centred", new String[] {x, g.initializer("standardizer_mean", mean, 1, n)});
    return g.node("Div", "standardized", new String[] {centred, g.initializer("standardizer_std", std, 1, n)});
  }

  /** The nodes of one layer applied to {@code a}; {@code l} is the number of the last dense layer so far. */
  private static String layer(OnnxGraph g, Layer layer, String a, int l) {
    if (layer instanceof Dense d) {
      String w = g.initializer(d.weights().name(), d.weights().value());
      String[] in = d.bias() == null ? new String[] {a, w}
          : new String[] {a, w, g.initializer(d.bias().name(), d.bias().value(), d.units())};
      return g.node("Gemm", "Z" + l, in, intAttribute("transB", 1));
    }
    if (layer instanceof ActivationLayer act) {
      return switch (act.activation()) {
        case RELU -> g.node("Relu", "A" + l, a);
        case LEAKY_RELU -> g.node("LeakyRelu", "A" + l, a, floatAttribute("alpha", 0.01f));
        case TANH -> g.node("Tanh", "A" + l, a);
        case SIGMOID -> g.node("Sigmoid", "A" + l, a);
        case LINEAR -> g.node("Identity", "A" + l, a);
      };
    }
    if (layer instanceof BatchNorm bn) {
      Map<String, dev.descent.tensor.Matrix> stats = bn.statistics();
      int n = bn.units();
      String[] in = {a, g.initializer(bn.gamma().name(), bn.gamma().value(), n),
          g.initializer(bn.beta().name(), bn.beta().value(), n),
          g.initializer("running_mean" + l, stats.get("running_mean" + l), n),
          g.initializer("running_variance" + l, stats.get("running_variance" + l), n)};
      return g.node("BatchNormalization", "Zn" + l, in, floatAttribute("epsilon", (float) bn.config().epsilon()));
    }
    if (layer instanceof Dropout) {
      return g.node("Identity", "dropout_" + a, a);   // inference keeps every unit (inverted dropout scaled in training)
    }
    throw new IllegalArgumentException("layer " + layer + " after dense layer " + l + " has no ONNX form; "
        + "export handles dense, activation, batch_norm and dropout layers");
  }

  private static void outputs(OnnxGraph g, Model model, String logits) {
    Loss loss = model.network().loss();
    int outputs = model.network().outputs();
    int classes = loss == Loss.BINARY_CROSS_ENTROPY ? 2 : outputs;
    switch (loss) {
      case MEAN_SQUARED_ERROR -> {
        g.node("Identity", PREDICTIONS, logits);
        g.output(PREDICTIONS, TensorProto.DataType.FLOAT_VALUE, outputs, "the network's outputs");
        return;
      }
      case BINARY_CROSS_ENTROPY -> {
        String p = g.node("Sigmoid", "p", logits);
        String q = g.node("Sub", "q", new String[] {g.initializer("one", new float[] {1}, 1, 1), p});
        g.node("Concat", PROBABILITIES, new String[] {q, p}, intAttribute("axis", 1));
      }
      case CATEGORICAL_CROSS_ENTROPY -> g.node("Softmax", PROBABILITIES, logits, intAttribute("axis", 1));
    }
    g.node("ArgMax", LABEL, PROBABILITIES, intAttribute("axis", 1), intAttribute("keepdims", 0));
    g.output(PROBABILITIES, TensorProto.DataType.FLOAT_VALUE, classes, "each class's probability, in the order of class_names");
    g.output(LABEL, TensorProto.DataType.INT64_VALUE, 0, "the index of the most probable class in class_names");
  }

  private static Map<String, String> metadata(Model model) {
    try {
      return Map.of("feature_names", JSON.writeValueAsString(model.featureNames()),
          "class_names", JSON.writeValueAsString(model.classNames()),
          "loss", model.network().loss().label(),
          "precision", model.network().precision().name(),
          "settings", JSON.writeValueAsString(model.settings()));
    } catch (JsonProcessingException e) {
      throw new AssertionError("names and settings are plain JSON values", e);
    }
  }

  /** The output names of {@code model}'s graph, in order. */
  public static List<String> outputNames(Model model) {
    return model.network().loss().classifies() ? List.of(PROBABILITIES, LABEL) : List.of(PREDICTIONS);
  }
}
