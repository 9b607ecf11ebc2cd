package dev.descent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.data.Standardizer;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link Model} as a {@link TensorFile} of kind "model". The header holds the
 * architecture (input count, layer specs, loss, precision), the normalizer's mean and standard
 * deviation, class and feature names and the training settings; the tensors hold W1, b1, … and
 * any layer state (batch-norm running statistics). See docs/model-format.md. Loading checks the
 * header against the tensors ({@link ModelCheck}): class names against the outputs, finite
 * parameters, no tensor that no layer reads; a file that fails is refused with one line.
 */
public final class ModelFile {
  public static final String KIND = "model";

  private ModelFile() {}

  public static void write(Path file, Model model) {
    encode(model, KIND).write(file);
  }

  /** The model's header and tensors, for a model file or as part of a checkpoint. */
  static TensorFile encode(Model model, String kind) {
    ObjectNode h = TensorFile.newHeader(kind);
    Network net = model.network();
    h.put("descent_version", Version.CURRENT);
    h.put("precision", net.precision().name());
    h.put("inputs", net.inputs());
    h.put("loss", net.loss().label());
    ArrayNode layers = h.putArray("layers");
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    for (Layer l : net.layers()) {
      ObjectNode spec = layers.addObject();
      spec.put("kind", l.spec().kind());
      spec.set("settings", TensorFile.json().valueToTree(l.spec().settings()));
      for (Variable p : l.parameters()) {
        tensors.put(p.name(), p.value());
      }
      LayerCodec.state(l).forEach(tensors::put);
    }
    if (model.standardizer() != null) {
      ObjectNode n = h.putObject("standardizer");
      n.set("mean", TensorFile.json().valueToTree(model.standardizer().mean()));
      n.set("std", TensorFile.json().valueToTree(model.standardizer().std()));
    }
    h.set("classes", TensorFile.json().valueToTree(model.classNames()));
    h.set("features", TensorFile.json().valueToTree(model.featureNames()));
    h.set("settings", TensorFile.json().valueToTree(model.settings()));
    return new TensorFile(h, tensors);
  }

  public static Model read(Path file) {
    TensorFile tf = TensorFile.read(file);
    String kind = tf.header().path("kind").asText();
    if (!kind.equals(KIND) && !kind.equals(Checkpoint.KIND)) {
      throw new DescentException("holds a " + kind + ", not a model", file.toString(), -1, -1, null);
    }
    return decode(file, tf);
  }

  private static Precision precision(String file, String text) {
    return switch (text) {
      case "F32" -> Precision.F32;
      case "F64" -> Precision.F64;
      default -> throw new DescentException("header: precision '" + text + "' is not one Descent writes (F32 or F64);"
          + " the file is corrupt or from another program", file, -1, -1, null);
    };
  }

  static Model decode(Path file, TensorFile tf) {
    JsonNode h = tf.header();
    String name = file.toString();
    try {
      Precision precision = precision(name, h.path("precision").asText("F32"));
      int inputs = h.path("inputs").asInt(-1);
      if (inputs < 1) {
        throw new DescentException("header: input count missing or invalid", name, -1, -1, null);
      }
      Loss loss = Loss.parse(h.path("loss").asText());
      List<Layer> layers = new ArrayList<>();
      int width = inputs;
      int dense = 0;
      for (JsonNode spec : h.path("layers")) {
        Layer l = LayerCodec.decode(file, tf, spec, width, dense + 1, precision);
        if (l instanceof dev.descent.nn.Dense) {
          dense++;
        }
        width = l.outputSize(width);
        layers.add(l);
      }
      Network net = Network.assemble(inputs, layers, loss, precision);
      Standardizer standardizer = null;
      if (h.has("standardizer")) {
        double[] mean = doubles(h.get("standardizer").get("mean"));
        double[] std = doubles(h.get("standardizer").get("std"));
        if (mean.length != inputs || std.length != inputs) {
          throw new DescentException("standardizer has " + mean.length + " means for " + inputs + " inputs", name, -1, -1, null);
        }
        standardizer = new Standardizer(mean, std);
      }
      List<String> classes = strings(h.path("classes"));
      List<String> features = strings(h.path("features"));
      Map<String, Object> settings = TensorFile.json().convertValue(h.path("settings"),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      ModelCheck.outputs(name, net, classes, features);
      ModelCheck.finite(name, net, standardizer);
      if (h.path("kind").asText().equals(KIND)) {
        ModelCheck.noUnusedTensors(name, net, tf.tensors().keySet());
      }
      return new Model(net, standardizer, classes, features, settings == null ? Map.of() : settings);
    } catch (IllegalArgumentException e) {
      throw new DescentException("invalid model: " + e.getMessage(), name, -1, -1, e);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array == null ? 0 : array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }
}
