package dev.descent.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The epochs {@link HistoryLog} has recorded, one primitive array per field instead of a {@link
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

  private int size;
  private int[] epochs = new int[64];
  private double[] seconds = new double[64];
  private double[] learningRates = new double[64];
  private double[] trainCosts = new double[64];
  private double[] trainAccuracies = new double[64];
  private double[] devCosts = new double[64];
  private double[] devAccuracies = new double[64];
  private double[] regularizations = new double[64];
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
    if (size == epochs.length) {
      grow();
    }
    epochs[size] = epoch;
    seconds[size] = second;
    learningRates[size] = learningRate;
    trainCosts[size] = trainCost;
    trainAccuracies[size] = trainAccuracy;
    devCosts[size] = devCost;
    devAccuracies[size] = devAccuracy;
    regularizations[size] = regularization;
    gradientNorms[size] = norms;
    updateRatios[size] = ratios;
    size++;
  }

  private void grow() {
    int n = 2 * epochs.length;
    epochs = Arrays.copyOf(epochs, n);
    seconds = Arrays.copyOf(seconds, n);
    learningRates = Arrays.copyOf(learningRates, n);
    trainCosts = Arrays.copyOf(trainCosts, n);
    trainAccuracies = Arrays.copyOf(trainAccuracies, n);
    devCosts = Arrays.copyOf(devCosts, n);
    devAccuracies = Arrays.copyOf(devAccuracies, n);
    regularizations = Arrays.copyOf(regularizations, n);
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
    private final int[] epochs;
    private final double[][] scalars;
    private final double[][] gradientNorms;
    private final double[][] updateRatios;

    private Slice(EpochColumns c, int from, int to) {
      this.from = from;
      this.to = to;
      this.epochs = c.epochs;
      this.scalars = new double[][] {c.seconds, c.learningRates, c.trainCosts, c.trainAccuracies, c.devCosts, c.devAccuracies,
          c.regularizations};
      this.gradientNorms = c.gradientNorms;
      this.updateRatios = c.updateRatios;
    }

    List<HistoryRow> rows() {
      List<HistoryRow> rows = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        double[] norms = gradientNorms[i];
        double[] ratios = updateRatios[i];
        rows.add(new HistoryRow(epochs[i], scalars[0][i], scalars[1][i], scalars[2][i], scalars[3][i], scalars[4][i], scalars[5][i],
            scalars[6][i], norms == null ? NONE : norms, ratios == null ? NONE : ratios));
      }
      return rows;
    }
  }
}
