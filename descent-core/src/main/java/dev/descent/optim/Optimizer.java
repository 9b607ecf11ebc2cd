package dev.descent.optim;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A transform bound to parameters: {@link #step()} turns the current gradients into steps and
 * applies them, {@code W += step}. No allocation after construction.
 */
public final class Optimizer {
  private final GradientTransform transform;
  private final Parameters params;
  private final State state;
  private final Clock clock = new Clock();

  public Optimizer(GradientTransform transform, List<Variable> parameters) {
    this.transform = transform;
    this.params = new Parameters(parameters);
    this.state = transform.init(params);
  }

  public void step() {
    clock.tick();
    transform.update(params, state, clock);
    for (int i = 0; i < params.size(); i++) {
      addInPlace(params.value(i), params.grad(i));
    }
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
      FloatBuffer a = ft.data;
      FloatBuffer d = ((F32Matrix) delta).data;
      for (int k = 0; k < n; k++) {
        a.put(k, a.get(k) + d.get(k));
      }
    } else {
      DoubleBuffer a = ((F64Matrix) target).data;
      DoubleBuffer d = ((F64Matrix) delta).data;
      for (int k = 0; k < n; k++) {
        a.put(k, a.get(k) + d.get(k));
      }
    }
  }
}
