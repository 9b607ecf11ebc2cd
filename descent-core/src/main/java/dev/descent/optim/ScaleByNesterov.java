package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Nesterov momentum on the course's (1−β)-scaled velocity: {@code v ← β·v + (1−β)·g}, then the
 * look-ahead direction {@code g ← β·v + (1−β)·g} (v already updated). This is PyTorch's
 * {@code nesterov=True} form with the course's 1−β, as in the golden fixture. State: slot
 * {@code v}; default β = 0.9.
 *
 * <pre>{@code
 * chain(new ScaleByNesterov(0.9), scaleByLearningRate(0.01))
 * }</pre>
 */
public record ScaleByNesterov(double beta) implements GradientTransform {
  public ScaleByNesterov {
    Ewa.checkBeta(beta, "beta");
  }

  @Override
  public State init(Parameters params) {
    return State.withSlots(params, "v");
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    List<Matrix> v = state.slot("v");
    for (int i = 0; i < params.size(); i++) {
      Ewa.update(v.get(i), params.grad(i), beta);
      Kernels.blend(params.grad(i), v.get(i), 1 - beta, beta);
    }
  }

  @Override
  public String describe() {
    return "scale_by_nesterov(beta=" + beta + ")";
  }
}
