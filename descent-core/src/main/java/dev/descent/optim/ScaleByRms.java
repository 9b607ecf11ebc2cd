package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * RMSprop's direction: {@code s ← β·s + (1−β)·g²; g ← g / (√ŝ + ε)}, where ŝ = s, or
 * {@code s / (1 − β^t)} with bias correction. ε is added outside the root, as in the course.
 * State: slot {@code s}. Course defaults: β = 0.999, ε = 1e-8, no bias correction.
 *
 * <p>With bias correction this is Adam with β1 = 0, which a test checks bit for bit.
 *
 * <pre>{@code
 * chain(new ScaleByRms(0.999, 1e-8, false), scaleByLearningRate(0.001))   // course RMSprop
 * }</pre>
 */
public record ScaleByRms(double beta, double epsilon, boolean biasCorrection) implements GradientTransform {
  public ScaleByRms {
    Ewa.checkBeta(beta, "beta");
    Kernels.checkEpsilon(epsilon);
  }

  @Override
  public State init(Parameters params) {
    return State.withSlots(params, "s");
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    List<Matrix> s = state.slot("s");
    double correction = biasCorrection ? 1 - Math.pow(beta, clock.step()) : 1;
    for (int i = 0; i < params.size(); i++) {
      Matrix g = params.grad(i);
      Ewa.updateSquares(s.get(i), g, beta);
      Kernels.normalize(g, g, 1, s.get(i), correction, epsilon);
    }
  }

  @Override
  public String describe() {
    return "scale_by_rms(beta=" + beta + ", epsilon=" + epsilon + ", bias_correction=" + biasCorrection + ")";
  }
}
