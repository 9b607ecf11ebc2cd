package dev.descent.optim;

import java.util.List;

/**
 * Stages applied in order, each rewriting the gradients the previous one left: "scale by Adam,
 * then add decayed weights, then scale by −learning rate". The state has one child per stage, so
 * a flattened path reads {@code 0/v/W1} (stage 0, slot v, parameter W1).
 *
 * <pre>{@code
 * Transforms.chain(new ScaleByMomentum(0.9), Transforms.scaleByLearningRate(0.01)).describe()
 * // scale_by_momentum(beta=0.9) → scale_by_learning_rate(constant(lr0=0.01))
 * }</pre>
 */
public record Chain(List<GradientTransform> stages) implements GradientTransform {
  public Chain {
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one stage, e.g. scale_by_learning_rate");
    }
  }

  @Override
  public State init(Parameters params) {
    State[] states = new State[stages.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = stages.get(i).init(params);
    }
    return State.chain(List.of(states));
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    for (int i = 0, n = stages.size(); i < n; i++) {
      stages.get(i).update(params, state.child(i), clock);
    }
  }

  @Override
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (GradientTransform stage : stages) {
      out.append(out.length() == 0 ? "" : " → ").append(stage.describe());
    }
    return out.toString();
  }
}
