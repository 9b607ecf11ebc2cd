package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleByAdamTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.adam(0.05);
  }

  @Test
  void adamMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("adam", Optimizers.adam(OptimizerFixture.LEARNING_RATE, 0.9, 0.999, 1e-8));
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
