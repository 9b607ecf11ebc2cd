package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.autodiff.Variable;
import dev.descent.optim.schedule.Per;
import dev.descent.optim.schedule.Schedules;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Optimizer} runs a final learning-rate stage (and an Adam stage before it) fused with
 * {@code W += step}; the parameters must be those of the stages run one by one and then added,
 * bit for bit, for every built-in optimizer, in both precisions, with a schedule that changes the
 * rate from step to step.
 */
class OptimizerFusionTest {
  private static final int STEPS = 7;

  /** The parameters after STEPS steps, through {@link Optimizer#step()} or stage by stage. */
  private static double[] run(GradientTransform transform, Precision precision, boolean fused) {
    Rng rng = Rng.of(5);
    List<Variable> params = OptimizerIdentitiesTest.randomParameters(precision, rng);
    Optimizer optimizer = new Optimizer(transform, params);
    Parameters parameters = new Parameters(params);
    State state = transform.init(parameters);
    Clock clock = new Clock();
    for (int t = 0; t < STEPS; t++) {
      OptimizerIdentitiesTest.drawGradients(params, rng);
      if (fused) {
        optimizer.step();
      } else {
        clock.tick();
        transform.update(parameters, state, clock);
        for (int i = 0; i < parameters.size(); i++) {
          Optimizer.addInPlace(parameters.value(i), parameters.grad(i));
        }
      }
    }
    return OptimizerIdentitiesTest.flatten(params);
  }

  private static List<GradientTransform> transforms() {
    Schedule decaying = Schedules.exponential(0.05, 0.7, Per.STEP);
    return List.of(
        Optimizers.gd(0.05), Optimizers.gd(decaying), Optimizers.momentum(0.05), Optimizers.nesterov(0.05),
        Optimizers.rmsprop(0.01), Optimizers.adagrad(0.05), Optimizers.adam(0.01), Optimizers.adam(decaying, 0.8, 0.9, 1e-7),
        Optimizers.adamw(0.01, 0.1), Transforms.scaleByLearningRate(0.05), new ScaleByAdam(0.9, 0.999, 1e-8));
  }

  @Test
  void fusedStepsGiveTheParametersOfTheStagesRunApart() {
    for (GradientTransform transform : transforms()) {
      for (Precision precision : Precision.values()) {
        double[] apart = run(transform, precision, false);
        assertArrayEquals(apart, run(transform, precision, true), transform.describe() + " in " + precision);
      }
    }
  }

  @Test
  void theComparisonSeesAWrongFactor() {
    // the check above must be able to fail: a different rate moves the parameters elsewhere
    assertNotEquals(run(Optimizers.adam(0.01), Precision.F32, true)[0], run(Optimizers.adam(0.011), Precision.F32, false)[0]);
  }
}
