package dev.descent.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.Map;

/** Rebuilds layers from their specs in a model file; the one place that knows every layer kind. */
final class LayerCodec {
  private LayerCodec() {}

  /** Non-parameter tensors a layer must save (e.g. running statistics). */
  static Map<String, Matrix> state(Layer layer) {
    return Map.of();
  }

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
      default:
        throw new DescentException("unknown layer kind '" + kind + "'", file.toString(), -1, -1, null);
    }
  }
}
