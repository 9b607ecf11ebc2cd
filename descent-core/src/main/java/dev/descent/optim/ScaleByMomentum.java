package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * The course's momentum direction: {@code v ← β·v + (1−β)·g; g ← v}, without bias correction.
 * State: slot {@code v}. Default β = 0.9 (an average over about 10 gradients).
 *
 * <p>PyTorch's SGD momentum drops the 1−β ({@code v ← β·v + g}) and so needs a learning rate
 * 1/(1−β) times smaller for the same steps.
 *
 * <pre>{@code
 * chain(new ScaleByMomentum(0.9), scaleByLearningRate(0.01))   // course momentum
 * }</pre>
 */
public record ScaleByMomentum(double beta) implements GradientTransform {
  public ScaleByMomentum {
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
      params.grad(i).copyFrom(v.get(i));
    }
  }

  @Override
  public String describe() {
    return "scale_by_momentum(beta=" + beta + ")";
  }
}
