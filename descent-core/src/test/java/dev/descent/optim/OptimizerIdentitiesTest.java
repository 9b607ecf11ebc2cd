package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizers that must coincide, bit for bit, on the same random gradients, in both precisions. */
class OptimizerIdentitiesTest {

  /** Parameters after 6 steps of {@code transform} on gradients drawn from seed 21. */
  static double[] run(GradientTransform transform, Precision precision) {
    Rng rng = Rng.of(21);
    List<Variable> params = randomParameters(precision, rng);
    Optimizer optimizer = new Optimizer(transform, params);
    for (int t = 0; t < 6; t++) {
      drawGradients(params, rng);
      optimizer.step();
    }
    return flatten(params);
  }

  /** W1 (3×2) and b1 (1×3), every entry N(0, 1) from {@code rng}. */
  static List<Variable> randomParameters(Precision precision, Rng rng) {
    List<Variable> params = List.of(
        Variable.parameter("W1", Matrix.zeros(precision, 3, 2)), Variable.parameter("b1", Matrix.zeros(precision, 1, 3)));
    for (Variable p : params) {
      for (int k = 0; k < p.value().size(); k++) {
        p.value().setFlat(k, rng.nextGaussian());
      }
    }
    return params;
  }

  /** Every gradient entry 0.1·N(0, 1) from {@code rng}. */
  static void drawGradients(List<Variable> params, Rng rng) {
    for (Variable p : params) {
      for (int k = 0; k < p.grad().size(); k++) {
        p.grad().setFlat(k, 0.1 * rng.nextGaussian());
      }
    }
  }

  /** The parameters' values, one after the other. */
  static double[] flatten(List<Variable> params) {
    double[] w = params.get(0).value().toArray();
    double[] b = params.get(1).value().toArray();
    double[] out = Arrays.copyOf(w, w.length + b.length);
    System.arraycopy(b, 0, out, w.length, b.length);
    return out;
  }

  static void assertSame(GradientTransform expected, GradientTransform actual) {
    for (Precision p : Precision.values()) {
      assertArrayEquals(run(expected, p), run(actual, p), actual.describe() + " in " + p);
    }
  }

  @Test
  void momentumWithBetaZeroIsGradientDescent() {
    assertSame(Optimizers.gd(0.1), Optimizers.momentum(0.1, 0));
  }

  @Test
  void nesterovWithBetaZeroIsGradientDescent() {
    assertSame(Optimizers.gd(0.1), Optimizers.nesterov(0.1, 0));
  }

  @Test
  void adamWithBeta1ZeroIsRmspropWithBiasCorrection() {
    GradientTransform rms = Transforms.chain(Transforms.scaleByRms(0.99, 1e-8, true), Transforms.scaleByLearningRate(0.01));
    assertSame(rms, Optimizers.adam(0.01, 0, 0.99, 1e-8));
  }

  @Test
  void adamwWithDecayZeroIsAdam() {
    assertSame(Optimizers.adam(0.01), Optimizers.adamw(0.01, 0));
  }

  @Test
  void theIdentitiesAreNotTrivial() {
    // the same comparisons with the parameter that matters switched on must differ
    assertFalse(Arrays.equals(run(Optimizers.gd(0.1), Precision.F64), run(Optimizers.momentum(0.1, 0.5), Precision.F64)));
    GradientTransform rms = Transforms.chain(Transforms.scaleByRms(0.99, 1e-8, false), Transforms.scaleByLearningRate(0.01));
    assertFalse(Arrays.equals(run(rms, Precision.F64), run(Optimizers.adam(0.01, 0, 0.99, 1e-8), Precision.F64)));
    assertFalse(Arrays.equals(run(Optimizers.adam(0.01), Precision.F64), run(Optimizers.adamw(0.01, 0.1), Precision.F64)));
  }
}
