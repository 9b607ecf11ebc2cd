package dev.descent.optim;

/**
 * {@code g ← −lr(t)·g}: the last stage of every optimizer, turning a direction into a step.
 * The schedule's mutable numbers (reduce-on-plateau's current rate) are part of this stage's
 * {@link State}, so a checkpoint keeps them.
 *
 * <pre>{@code
 * new ScaleByLearningRate(Schedule.constant(0.01))
 * }</pre>
 */
public record ScaleByLearningRate(Schedule schedule) implements GradientTransform {
  public ScaleByLearningRate {
    if (schedule == null) {
      throw new IllegalArgumentException("schedule = null: give a schedule, e.g. Schedule.constant(0.01)");
    }
  }

  @Override
  public State init(Parameters params) {
    return State.withValues(schedule.state());
  }

  /** What this stage multiplies the gradients by at this step: {@code −lr(t)}. */
  double factor(Clock clock) {
    return -schedule.rate(clock);
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    double factor = factor(clock);
    for (int i = 0; i < params.size(); i++) {
      Kernels.scale(params.grad(i), factor);
    }
  }

  @Override
  public String describe() {
    return "scale_by_learning_rate(" + schedule + ")";
  }
}
