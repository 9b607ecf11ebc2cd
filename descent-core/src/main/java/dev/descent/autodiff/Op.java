package dev.descent.autodiff;

import java.util.Arrays;
import java.util.List;

/**
 * One differentiable operation: {@link #forward()} writes {@link #output()} from the inputs'
 * values; {@link #backward()} reads the output's gradient and <em>adds</em> its contribution to
 * each input that needs one (a variable used twice receives two contributions), or writes it when
 * it gives that gradient its first contribution and says it can ({@link #canOverwriteGrad}).
 *
 * <p>Ops allocate their output and any scratch buffers in the constructor, never in
 * forward or backward: that is what makes a replayed tape allocation-free.
 */
public abstract class Op {
  private final List<Variable> inputs;
  protected final Variable out;
  /** Per input: set by the tape when this op's backward gives that gradient its first contribution. */
  private final boolean[] writesFirst;

  protected Op(List<Variable> inputs, Variable out) {
    this.inputs = List.copyOf(inputs);
    this.out = out;
    this.writesFirst = new boolean[this.inputs.size()];
  }

  public final List<Variable> inputs() {
    return inputs;
  }

  public final Variable output() {
    return out;
  }

  public abstract void forward();

  public abstract void backward();

  /**
   * Whether {@link #backward()} can <em>write</em> input {@code i}'s gradient, instead of adding
   * to it, when {@link #writesFirst(int)} says so. The tape then leaves that gradient unzeroed:
   * a product written with beta = 0 needs neither the zeroing pass nor a read of the old value.
   */
  protected boolean canOverwriteGrad(int i) {
    return false;
  }

  /** True when input {@code i}'s gradient gets its first contribution of a backward pass here. */
  protected final boolean writesFirst(int i) {
    return writesFirst[i];
  }

  /**
   * Called by the tape when input {@code i}'s gradient gets its first contribution here; true
   * when this op will write it. Not for an input this op takes twice: its second contribution
   * adds to the first.
   */
  final boolean offerFirstWrite(int i) {
    Variable v = inputs.get(i);
    int uses = 0;
    for (Variable input : inputs) {
      uses += input == v ? 1 : 0;
    }
    writesFirst[i] = uses == 1 && canOverwriteGrad(i);
    return writesFirst[i];
  }

  final void clearFirstWrites() {
    Arrays.fill(writesFirst, false);
  }

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
