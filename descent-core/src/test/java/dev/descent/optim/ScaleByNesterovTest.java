package dev.descent.optim;

import org.junit.jupiter.api.Test;

class ScaleByNesterovTest extends GradientTransformContract {

  @Override
  GradientTransform transform() {
    return Optimizers.nesterov(0.1, 0.9);
  }

  @Test
  void nesterovMatchesGoldenAfterThreeSteps() {
    OptimizerFixture.assertMatches("nesterov", Optimizers.nesterov(OptimizerFixture.LEARNING_RATE, 0.9));
  }
}
