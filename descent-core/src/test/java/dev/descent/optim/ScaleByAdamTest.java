package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleByAdamTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.adam(0.05);
  }

  @Test
  void adamMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("adam", Optimizers.adam(OptimizerFixture.LEARNING_RATE, 0.9, 0.999, 1e-8));
  }

  /** The fused pass gives the bits of the building blocks it fuses: two EWAs, then the normalization. */
  @ParameterizedTest
  @EnumSource(Precision.class)
  void fusedPassEqualsTheEwasThenTheNormalizationBitForBit(Precision p) {
    Rng rng = Rng.of(3);
    Matrix g = random(p, 7, 5, rng);
    Matrix v = random(p, 7, 5, rng);
    Matrix s = random(p, 7, 5, rng);
    for (int k = 0; k < s.size(); k++) {
      s.setFlat(k, Math.abs(s.getFlat(k)));
    }
    Matrix g2 = g.copy();
    Matrix v2 = v.copy();
    Matrix s2 = s.copy();
    double vc = 1 - Math.pow(0.9, 3);
    double sc = 1 - Math.pow(0.999, 3);
    Kernels.adam(g, v, 0.9, vc, s, 0.999, sc, 1e-8);
    Ewa.update(v2, g2, 0.9);
    Ewa.updateSquares(s2, g2, 0.999);
    Kernels.normalize(g2, v2, vc, s2, sc, 1e-8);
    assertArrayEquals(v2.toArray(), v.toArray(), 0.0, "first moment");
    assertArrayEquals(s2.toArray(), s.toArray(), 0.0, "second moment");
    assertArrayEquals(g2.toArray(), g.toArray(), 0.0, "direction");
  }

  private static Matrix random(Precision p, int rows, int cols, Rng rng) {
    Matrix m = Matrix.zeros(p, rows, cols);
    for (int k = 0; k < m.size(); k++) {
      m.setFlat(k, rng.nextGaussian());
    }
    return m;
  }

  @Test
  void rejectsBeta1AboveOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.adam(0.1, 1.2, 0.999, 1e-8));
    assertEquals("beta1 = 1.2: must be in [0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1, 0.9, Double.NaN, 1e-8));
    assertEquals("beta2 = NaN: must be in [0, 1)", e.getMessage());
  }
}
