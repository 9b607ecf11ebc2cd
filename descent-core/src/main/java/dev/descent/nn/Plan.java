package dev.descent.nn;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;

/**
 * A network's tape for one batch size and mode, with its input and target placeholders.
 * Built once by {@link Network#plan}; every call below reuses the same buffers.
 */
public final class Plan {
  private final Tape tape;
  private final Variable x;
  private final Variable y;
  private final Variable output;
  private final Variable cost;

  Plan(Tape tape, Variable x, Variable y, Variable output, Variable cost) {
    this.tape = tape;
    this.x = x;
    this.y = y;
    this.output = output;
    this.cost = cost;
  }

  public int batchSize() {
    return x.value().rows();
  }

  /** The input placeholder, m × n0. */
  public Variable input() {
    return x;
  }

  /** The target placeholder, m × outputs. */
  public Variable target() {
    return y;
  }

  /** Probabilities (classifiers) or predictions (regression), m × outputs; null on a training plan. */
  public Variable output() {
    return output;
  }

  public Variable cost() {
    return cost;
  }

  public Tape tape() {
    return tape;
  }

  /**
   * Copies rows {@code order[from..from+m)} of {@code features} and {@code targets} into the
   * placeholders. No allocation.
   */
  public void load(Matrix features, Matrix targets, int[] order, int from) {
    Matrix xv = x.value();
    Matrix yv = y.value();
    for (int i = 0, m = xv.rows(); i < m; i++) {
      int row = order == null ? from + i : order[from + i];
      xv.copyRow(features, row, i);
      if (targets != null) {
        yv.copyRow(targets, row, i);
      }
    }
    x.markFed();
    y.markFed();
  }

  /** Runs the tape forward and returns the cost. */
  public double forward() {
    tape.forward();
    return cost.scalar();
  }

  /** Forward and backward: fills every parameter's gradient and returns the cost. */
  public double step() {
    tape.forward();
    tape.backward(cost);
    return cost.scalar();
  }
}
