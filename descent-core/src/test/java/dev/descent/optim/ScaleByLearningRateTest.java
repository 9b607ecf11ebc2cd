package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Gradient descent: only the learning rate. */
class ScaleByLearningRateTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.gd(0.1);
  }

  @Test
  void gdMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("gd", Optimizers.gd(OptimizerFixture.LEARNING_RATE));
  }

  @Test
  void gdHasNoState() {
    Optimizer optimizer = new Optimizer(Optimizers.gd(0.1), OptimizerFixture.start());
    assertTrue(optimizer.state().flatten(optimizer.parameters()).isEmpty());
  }

  @Test
  void describesItsSchedule() {
    assertEquals("scale_by_learning_rate(constant(lr0=0.1))", Optimizers.gd(0.1).describe());
  }

  @Test
  void rejectsANonPositiveLearningRate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.gd(0));
    assertEquals("learningRate = 0.0: must be positive and finite", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(Double.NaN));
    assertEquals("learningRate = NaN: must be positive and finite", e.getMessage());
  }
}
