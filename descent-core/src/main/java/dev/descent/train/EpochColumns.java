package dev.descent.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The epochs {@link HistoryLog} has recorded, in a primitive array instead of a {@link
 * HistoryRow} per epoch: a course epoch takes some 7 µs, and an object per epoch (kept to the end
 * of the run, copied by every young collection) cost a visible share of it. Rows are made from
 * a {@link Slice} when they are written or asked for, off the training loop.
 *
 * <p>Appended to by one thread. A slice taken there and handed to another thread through an
 * executor (which orders the two) reads what was appended before it was taken: growing the
 * arrays later replaces them and leaves the slice's arrays as they were.
 */
final class EpochColumns {
  private static final double[] NONE = new double[0];
  /** Doubles per epoch: the epoch number, then the seven scalars of {@link HistoryRow} after it. */
  private static final int STRIDE = 8;

  private int size;
  // NOTE: one array with the epoch's values side by side (a cache line per epoch, as an object
  // would take), not one array per field: ten arrays written per epoch cost more than the object
  private double[] values = new double[64 * STRIDE];
  private double[][] gradientNorms = new double[64][];
  private double[][] updateRatios = new double[64][];

  int size() {
    return size;
  }

  /**
   * One epoch, the fields of {@link HistoryRow} in its order; {@code norms} and {@code ratios}
   * are kept, not copied (null when the epoch was not probed). NOTE: ten arguments rather than a
   * record, which would be the allocation this class exists to avoid.
   */
  void append(int epoch, double second, double learningRate, double trainCost, double trainAccuracy, double devCost,
      double devAccuracy, double regularization, double[] norms, double[] ratios) {
    if (size == gradientNorms.length) {
      grow();
    }
    int at = size * STRIDE;
    values[at] = epoch;
    values[at + 1] = second;
    values[at + 2] = learningRate;
    values[at + 3] = trainCost;
    values[at + 4] = trainAccuracy;
    values[at + 5] = devCost;
    values[at + 6] = devAccuracy;
    values[at + 7] = regularization;
    if (norms != null) {
      gradientNorms[size] = norms;
    }
    if (ratios != null) {
      updateRatios[size] = ratios;
    }
    size++;
  }

  private void grow() {
    int n = 2 * gradientNorms.length;
    values = Arrays.copyOf(values, n * STRIDE);
    gradientNorms = Arrays.copyOf(gradientNorms, n);
    updateRatios = Arrays.copyOf(updateRatios, n);
  }

  /** The epochs from {@code from} (0-based, inclusive) to {@code to} (exclusive), as they are now. */
  Slice slice(int from, int to) {
    return new Slice(this, from, to);
  }

  /** A range of epochs, with the arrays they were in when it was taken. */
  static final class Slice {
    private final int from;
    private final int to;
    private final double[] values;
    private final double[][] gradientNorms;
    private final double[][] updateRatios;

    private Slice(EpochColumns c, int from, int to) {
      this.from = from;
      this.to = to;
      this.values = c.values;
      this.gradientNorms = c.gradientNorms;
      this.updateRatios = c.updateRatios;
    }

    List<HistoryRow> rows() {
      List<HistoryRow> rows = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        double[] norms = gradientNorms[i];
        double[] ratios = updateRatios[i];
        int at = i * STRIDE;
        rows.add(new HistoryRow((int) values[at], values[at + 1], values[at + 2], values[at + 3], values[at + 4], values[at + 5],
            values[at + 6], values[at + 7], norms == null ? NONE : norms, ratios == null ? NONE : ratios));
      }
      return rows;
    }
  }
}
