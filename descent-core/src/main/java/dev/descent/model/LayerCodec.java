package dev.descent.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.regularize.Dropout;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds layers from their specs in a model file; the one place that knows every layer kind:
 * {@code dense} (W{l}, b{l}), {@code activation}, {@code batch_norm} (gamma{l}, beta{l} and the
 * running statistics running_mean{l}, running_variance{l}) and {@code dropout} (keep_prob only).
 */
final class LayerCodec {
  private LayerCodec() {}

  /** Non-parameter tensors a layer must save: batch norm's running statistics. */
  static Map<String, Matrix> state(Layer layer) {
    return layer instanceof BatchNorm bn ? bn.statistics() : Map.of();
  }

  /**
   * The layer of {@code spec}, which receives {@code inputs} features; {@code index} is the
   * 1-based number the next dense layer would get, so a batch norm belongs to {@code index − 1}.
   */
  static Layer decode(Path file, TensorFile tf, JsonNode spec, int inputs, int index, Precision precision) {
    String kind = spec.path("kind").asText();
    JsonNode s = spec.path("settings");
    switch (kind) {
      case "dense": {
        int units = s.path("units").asInt(-1);
        if (units < 1 || s.path("inputs").asInt(-1) != inputs) {
          throw new DescentException("dense layer " + index + " declares " + s.path("inputs").asInt(-1)
              + " inputs and " + units + " units; expected " + inputs + " inputs", file.toString(), -1, -1, null);
        }
        Matrix w = tf.tensor(file, "W" + index, units, inputs).to(precision).copy();
        Variable b = null;
        if (s.path("bias").asBoolean(true)) {
          b = Variable.parameter("b" + index, tf.tensor(file, "b" + index, 1, units).to(precision).copy());
        }
        return new Dense(Variable.parameter("W" + index, w), b);
      }
      case "activation":
        return new ActivationLayer(Activation.parse(s.path("function").asText()));
      case "batch_norm":
        return batchNorm(file, tf, s, inputs, index - 1, precision);
      case "dropout":
        return dropout(file, s);
      default:
        throw new DescentException("unknown layer kind '" + kind + "'; this Descent reads dense, activation,"
            + " batch_norm and dropout", file.toString(), -1, -1, null);
    }
  }

  private static BatchNorm batchNorm(Path file, TensorFile tf, JsonNode s, int inputs, int layer, Precision precision) {
    int declared = s.path("layer").asInt(-1);
    int units = s.path("units").asInt(-1);
    if (declared != layer || units != inputs) {
      throw new DescentException("batch norm declares layer " + declared + " with " + units + " units but follows"
          + " dense layer " + layer + " of " + inputs + " units", file.toString(), -1, -1, null);
    }
    BatchNorm.Config config;
    try {
      config = new BatchNorm.Config(number(file, s, "running_beta", "batch norm " + layer),
          number(file, s, "epsilon", "batch norm " + layer));
    } catch (IllegalArgumentException e) {
      throw new DescentException("layer " + layer + ": " + e.getMessage(), file.toString(), -1, -1, null);
    }
    BatchNorm bn = BatchNorm.create(layer, units, precision, config);
    bn.gamma().value().copyFrom(tf.tensor(file, "gamma" + layer, 1, units).to(precision));
    bn.beta().value().copyFrom(tf.tensor(file, "beta" + layer, 1, units).to(precision));
    for (Map.Entry<String, Matrix> e : bn.statistics().entrySet()) {
      e.getValue().copyFrom(tf.tensor(file, e.getKey(), 1, units).to(precision));
    }
    return bn;
  }

  private static Dropout dropout(Path file, JsonNode s) {
    double keepProb = number(file, s, "keep_prob", "dropout");
    try {
      return Dropout.keep(keepProb);
    } catch (IllegalArgumentException e) {
      throw new DescentException("dropout " + e.getMessage(), file.toString(), -1, -1, null);
    }
  }

  private static double number(Path file, JsonNode settings, String key, String where) {
    JsonNode v = settings.get(key);
    if (v == null || !v.isNumber()) {
      throw new DescentException(where + ": setting '" + key + "' missing or not a number", file.toString(), -1, -1, null);
    }
    return v.asDouble();
  }
}
