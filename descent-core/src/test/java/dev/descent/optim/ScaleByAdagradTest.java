package dev.descent.optim;

import org.junit.jupiter.api.Test;

class ScaleByAdagradTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.adagrad(0.5, 1e-8);
  }

  @Test
  void adagradMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("adagrad", Optimizers.adagrad(OptimizerFixture.LEARNING_RATE, 1e-8));
  }
}
