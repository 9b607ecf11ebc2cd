package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleByMomentumTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.momentum(0.1, 0.9);
  }

  @Test
  void momentumMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("momentum", Optimizers.momentum(OptimizerFixture.LEARNING_RATE, 0.9));
  }

  @Test
  void ewaIsCourseMomentum() {
    assertEquals(new ScaleByMomentum(0.8), Transforms.ewa(0.8));
    assertEquals("scale_by_momentum(beta=0.9) → scale_by_learning_rate(constant(lr0=0.01))",
        Optimizers.momentum(0.01).describe());
  }

  @Test
  void rejectsBetaOutsideZeroToOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, 1));
    assertEquals("beta = 1.0: must be in [0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, -0.1));
    assertEquals("beta = -0.1: must be in [0, 1)", e.getMessage());
  }
}
