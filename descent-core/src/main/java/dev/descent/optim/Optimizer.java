package dev.descent.optim;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * A transform bound to parameters: {@link #step()} turns the current gradients into steps and
 * applies them, {@code W += step}. No allocation after construction.
 *
 * <p>When the transform ends with the learning-rate stage, as every built-in optimizer does, that
 * stage and {@code W += step} run as one pass ({@code W += −lr·g}), and an Adam stage just before
 * it joins them ({@link Kernels#adamApply}): the same arithmetic per element, so the same
 * parameters bit for bit, with one pass over a large net's memory-bound parameters instead of
 * three. What the gradients hold after a step is therefore not specified (the step for an
 * unfused transform, the gradient otherwise); the next backward pass overwrites them anyway.
 */
public final class Optimizer {
  private final GradientTransform transform;
  private final Parameters params;
  private final State state;
  private final Clock clock = new Clock();
  /** The transform's stages and their states, and how many of them run on their own. */
  private final GradientTransform[] stages;
  private final State[] states;
  private final int separate;
  /** The final learning-rate stage, fused with the update, or null. */
  private final ScaleByLearningRate learningRate;
  /** The Adam stage just before it, fused too, or null. */
  private final ScaleByAdam adam;

  public Optimizer(GradientTransform transform, List<Variable> parameters) {
    this.transform = transform;
    this.params = new Parameters(parameters);
    this.state = transform.init(params);
    boolean chain = transform instanceof Chain;
    List<GradientTransform> list = chain ? ((Chain) transform).stages() : List.of(transform);
    stages = list.toArray(new GradientTransform[0]);
    states = new State[stages.length];
    for (int i = 0; i < stages.length; i++) {
      states[i] = chain ? state.child(i) : state;
    }
    int n = stages.length;
    learningRate = stages[n - 1] instanceof ScaleByLearningRate lr ? lr : null;
    adam = learningRate != null && n >= 2 && stages[n - 2] instanceof ScaleByAdam a ? a : null;
    separate = n - (learningRate == null ? 0 : 1) - (adam == null ? 0 : 1);
  }

  public void step() {
    clock.tick();
    if (learningRate == null) {
      transform.update(params, state, clock);
      for (int i = 0; i < params.size(); i++) {
        addInPlace(params.value(i), params.grad(i));
      }
      return;
    }
    for (int i = 0; i < separate; i++) {
      stages[i].update(params, states[i], clock);
    }
    double factor = learningRate.factor(clock);
    if (adam != null) {
      adam.updateAndApply(params, states[separate], clock, factor);
    } else {
      for (int i = 0; i < params.size(); i++) {
        Kernels.addScaled(params.value(i), params.grad(i), factor);
      }
    }
  }

  /**
   * The learning rate of the next step: the schedule's rate at the clock (after a plateau
   * schedule's last reduction), or NaN when the transform does not end with the learning-rate stage.
   */
  public double learningRate() {
    return learningRate == null ? Double.NaN : -learningRate.factor(clock);
  }

  public Clock clock() {
    return clock;
  }

  public State state() {
    return state;
  }

  public Parameters parameters() {
    return params;
  }

  public GradientTransform transform() {
    return transform;
  }

  /** Restores the update count and epoch, e.g. from a checkpoint. */
  public void restoreClock(long step, int epoch) {
    clock.restore(step, epoch);
  }

  static void addInPlace(Matrix target, Matrix delta) {
    int n = target.size();
    if (target instanceof F32Matrix ft) {
      float[] a = ft.values;
      float[] d = ((F32Matrix) delta).values;
      for (int k = 0; k < n; k++) {
        a[k] = a[k] + d[k];
      }
    } else {
      double[] a = ((F64Matrix) target).values;
      double[] d = ((F64Matrix) delta).values;
      for (int k = 0; k < n; k++) {
        a[k] = a[k] + d[k];
      }
    }
  }
}
