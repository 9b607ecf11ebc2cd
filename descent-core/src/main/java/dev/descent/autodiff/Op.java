package dev.descent.autodiff;

import java.util.List;

/**
 * One differentiable operation: {@link #forward()} writes {@link #output()} from the inputs'
 * values; {@link #backward()} reads the output's gradient and <em>adds</em> its contribution to
 * each input that needs one (a variable used twice receives two contributions).
 *
 * <p>Ops allocate their output and any scratch buffers in the constructor, never in
 * forward or backward: that is what makes a replayed tape allocation-free.
 */
public abstract class Op {
  private final List<Variable> inputs;
  protected final Variable out;

  protected Op(List<Variable> inputs, Variable out) {
    this.inputs = List.copyOf(inputs);
    this.out = out;
  }

  public final List<Variable> inputs() {
    return inputs;
  }

  public final Variable output() {
    return out;
  }

  public abstract void forward();

  public abstract void backward();

  /** True when any of {@code vars} needs a gradient, so the output does too. */
  protected static boolean anyNeedsGrad(Variable... vars) {
    for (Variable v : vars) {
      if (v != null && v.needsGrad()) {
        return true;
      }
    }
    return false;
  }
}
