package dev.descent.optim;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
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
