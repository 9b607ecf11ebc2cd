package dev.descent.nn;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
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
    gather(features, xv, order, from);
    if (targets != null) {
      gather(targets, yv, order, from);
    }
    x.markFed();
    y.markFed();
  }

  /** Rows {@code order[from..from+m)} (or from..from+m) of {@code source} into {@code into}'s m rows. */
  private static void gather(Matrix source, Matrix into, int[] order, int from) {
    int m = into.rows();
    int cols = into.cols();
    if (source instanceof F32Matrix s && into instanceof F32Matrix t && source.cols() == cols) {
      // float32 in float32 (training's case) in one loop: a call per row cost as much as the
      // course net's forward pass
      float[] src = s.values;
      float[] dst = t.values;
      if (order == null) {
        System.arraycopy(src, from * cols, dst, 0, m * cols);
        return;
      }
      if (cols >= 8) {
        for (int i = 0; i < m; i++) {
          System.arraycopy(src, order[from + i] * cols, dst, i * cols, cols);
        }
        return;
      }
      // short rows (the course's two features and one label): a column at a time, so that no
      // loop runs over a row's few entries
      for (int j = 0; j < cols; j++) {
        for (int i = 0, q = j; i < m; i++, q += cols) {
          dst[q] = src[order[from + i] * cols + j];
        }
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      into.copyRow(source, order == null ? from + i : order[from + i], i);
    }
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
