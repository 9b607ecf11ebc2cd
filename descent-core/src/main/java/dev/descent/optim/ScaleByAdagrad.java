package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * AdaGrad's direction: {@code s ← s + g²; g ← g / (√s + ε)}. The sum never forgets, so the
 * effective learning rate only falls. State: slot {@code s} (starts at 0). Default ε = 1e-8.
 *
 * <pre>{@code
 * chain(new ScaleByAdagrad(1e-8), scaleByLearningRate(0.1))
 * }</pre>
 */
public record ScaleByAdagrad(double epsilon) implements GradientTransform {
  public ScaleByAdagrad {
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
    for (int i = 0; i < params.size(); i++) {
      Matrix g = params.grad(i);
      Kernels.addSquares(s.get(i), g);
      Kernels.normalize(g, g, 1, s.get(i), 1, epsilon);
    }
  }

  @Override
  public String describe() {
    return "scale_by_adagrad(epsilon=" + epsilon + ")";
  }
}
