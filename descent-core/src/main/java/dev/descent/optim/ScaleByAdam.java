package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Adam's direction: two EWAs of the gradient, bias corrected with the step count t (from 1):
 *
 * <pre>
 * v ← β1·v + (1−β1)·g        v̂ = v / (1 − β1^t)
 * s ← β2·s + (1−β2)·g²       ŝ = s / (1 − β2^t)
 * g ← v̂ / (√ŝ + ε)           (ε outside the root, as in the course and Kingma &amp; Ba)
 * </pre>
 *
 * State: slots {@code v} and {@code s}. Defaults (the paper's): β1 = 0.9, β2 = 0.999, ε = 1e-8.
 *
 * <pre>{@code
 * chain(new ScaleByAdam(0.9, 0.999, 1e-8), scaleByLearningRate(0.001))   // Adam
 * }</pre>
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon) implements GradientTransform {
  public ScaleByAdam {
    Ewa.checkBeta(beta1, "beta1");
    Ewa.checkBeta(beta2, "beta2");
    Kernels.checkEpsilon(epsilon);
  }

  @Override
  public State init(Parameters params) {
    return State.withSlots(params, "v", "s");
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    List<Matrix> v = state.slot("v");
    List<Matrix> s = state.slot("s");
    double vCorrection = 1 - Math.pow(beta1, clock.step());
    double sCorrection = 1 - Math.pow(beta2, clock.step());
    for (int i = 0; i < params.size(); i++) {
      // Ewa.update, Ewa.updateSquares and the normalization, fused into one pass
      Kernels.adam(params.grad(i), v.get(i), beta1, vCorrection, s.get(i), beta2, sCorrection, epsilon);
    }
  }

  /**
   * This stage, the learning-rate stage after it ({@code factor = −lr}) and {@code W += step}, in
   * one pass per parameter (see {@link Optimizer}); the same bits as the three apart.
   */
  void updateAndApply(Parameters params, State state, Clock clock, double factor) {
    List<Matrix> v = state.slot("v");
    List<Matrix> s = state.slot("s");
    double vCorrection = 1 - Math.pow(beta1, clock.step());
    double sCorrection = 1 - Math.pow(beta2, clock.step());
    for (int i = 0; i < params.size(); i++) {
      Kernels.adamApply(params.value(i), params.grad(i), v.get(i), beta1, vCorrection, s.get(i), beta2, sCorrection,
          epsilon, factor);
    }
  }

  @Override
  public String describe() {
    return "scale_by_adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
  }
}
