package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleByRmsTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.rmsprop(0.05, 0.9, 1e-8);
  }

  @Test
  void rmspropMatchesGoldenAfterThreeSteps() {
    // NOTE: the fixture uses beta 0.9; the course's (and Optimizers.rmsprop(lr)'s) default is 0.999
    OptimizerFixture.assertMatches("rmsprop", Optimizers.rmsprop(OptimizerFixture.LEARNING_RATE, 0.9, 1e-8));
  }

  @Test
  void courseDefaultsAreBeta0999WithoutBiasCorrection() {
    assertEquals("scale_by_rms(beta=0.999, epsilon=1.0E-8, bias_correction=false) → "
        + "scale_by_learning_rate(constant(lr0=0.001))", Optimizers.rmsprop(0.001).describe());
  }

  @Test
  void rejectsNonPositiveEpsilon() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.rmsprop(0.1, 0.9, 0));
    assertEquals("epsilon = 0.0: must be positive and finite (typically 1e-8)", e.getMessage());
  }
}
