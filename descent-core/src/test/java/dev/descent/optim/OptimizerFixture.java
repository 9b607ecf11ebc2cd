package dev.descent.optim;

import static dev.descent.Golden.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.List;

/** Replays {@code optimizers.json}: three steps from the same start with the given gradients. */
final class OptimizerFixture {
  static final JsonNode G = Golden.load("optimizers.json");
  static final String[] NAMES = {"W1", "b1", "W2", "b2"};
  static final double LEARNING_RATE = G.get("learning_rate").asDouble();

  private OptimizerFixture() {}

  static List<Variable> start() {
    List<Variable> params = new ArrayList<>();
    for (String name : NAMES) {
      params.add(Variable.parameter(name, Golden.matrix(G.get("start").get(name), Precision.F64)));
    }
    return params;
  }

  /**
   * Runs {@code transform} three steps and checks parameters and every state slot after each,
   * to 1e-10 relative; {@code key} names the fixture's entry.
   */
  static void assertMatches(String key, GradientTransform transform) {
    List<Variable> params = start();
    Optimizer optimizer = new Optimizer(transform, params);
    for (int t = 0; t < 3; t++) {
      for (Variable p : params) {
        p.grad().copyFrom(Golden.matrix(G.get("gradients").get(t).get(p.name()), Precision.F64));
      }
      optimizer.step();
      JsonNode expected = G.get(key).get(t);
      for (Variable p : params) {
        assertClose(Golden.matrix(expected.get("params").get(p.name()), Precision.F64), p.value(), 1e-10,
            key + " step " + (t + 1) + " " + p.name());
      }
      State stage = optimizer.state().child(0);
      int step = t + 1;
      expected.get("state").fields().forEachRemaining(slot -> {
        for (int i = 0; i < NAMES.length; i++) {
          assertClose(Golden.matrix(slot.getValue().get(NAMES[i]), Precision.F64), stage.slot(slot.getKey()).get(i),
              1e-10, key + " step " + step + " state " + slot.getKey() + "/" + NAMES[i]);
        }
      });
    }
  }
}
