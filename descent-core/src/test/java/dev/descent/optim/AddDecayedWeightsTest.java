package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** AdamW: Adam, then decoupled weight decay, then the learning rate. */
class AddDecayedWeightsTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.adamw(0.05, 0.9, 0.999, 1e-8, 0.01);
  }

  @Test
  void adamwMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("adamw", Optimizers.adamw(OptimizerFixture.LEARNING_RATE, 0.01));
  }

  @Test
  void adamwIsScaleByAdamThenDecayThenLearningRate() {
    assertEquals("scale_by_adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8) → add_decayed_weights(weight_decay=0.01) → "
        + "scale_by_learning_rate(constant(lr0=0.001))", Optimizers.adamw(0.001, 0.01).describe());
  }

  @Test
  void rejectsNegativeWeightDecay() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adamw(0.1, -0.01));
    assertEquals("weightDecay = -0.01: must be non-negative and finite", e.getMessage());
  }
}
