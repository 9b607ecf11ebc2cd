package dev.descent.cli.plot;

import java.util.List;

/**
 * A {@link Prediction} evaluated on a {@link Grid}: for each class k, the probability of k at
 * every grid point ({@code p[k][j·n + i]}); hard class predictions become 0 or 1. NaN marks a
 * point without a prediction (a NaN probability), counted in a note.
 */
final class DecisionField {
  /** Softmax rows from float32 networks sum to 1 only to about 1e-6 per class. */
  private static final double SUM_TOLERANCE = 1e-3;

  private DecisionField() {}

  static double[][] evaluate(DecisionPlot plot, Grid grid, List<String> notes) {
    int classes = plot.classCount();
    double[][] p = new double[classes][grid.size()];
    Prediction prediction = plot.prediction();
    if (prediction instanceof Prediction.Classes c) {
      classes(c.function(), grid, p);
    } else if (prediction instanceof Prediction.Probability b) {
      requireBinary(classes, "Prediction.probability");
      binary(b.function(), grid, p);
    } else if (prediction instanceof Prediction.Batch b) {
      batch(b.function(), grid, p);
    } else {
      throw new AssertionError("unknown prediction " + prediction);
    }
    int missing = 0;
    for (int k = 0; k < grid.size(); k++) {
      if (Double.isNaN(p[0][k])) {
        missing++;
      }
    }
    if (missing > 0) {
      notes.add(
          "prediction was NaN at " + missing + " of " + grid.size()
              + " grid points; those parts of the plane are grey");
    }
    return p;
  }

  private static void classes(Prediction.ClassFunction f, Grid grid, double[][] p) {
    for (int j = 0; j < grid.n; j++) {
      for (int i = 0; i < grid.n; i++) {
        int c = f.classOf(grid.x(i), grid.y(j));
        if (c < 0 || c >= p.length) {
          throw new IllegalArgumentException(
              "prediction at (" + grid.x(i) + ", " + grid.y(j) + ") = class " + c
                  + ": must be in [0, " + p.length + ") for " + p.length + " class names");
        }
        p[c][j * grid.n + i] = 1;
      }
    }
  }

  private static void binary(Prediction.ProbabilityFunction f, Grid grid, double[][] p) {
    for (int j = 0; j < grid.n; j++) {
      for (int i = 0; i < grid.n; i++) {
        double one = f.probability(grid.x(i), grid.y(j));
        checkProbability(one, grid.x(i), grid.y(j));
        p[0][j * grid.n + i] = 1 - one;
        p[1][j * grid.n + i] = one;
      }
    }
  }

  private static void batch(Prediction.BatchFunction f, Grid grid, double[][] p) {
    double[][] points = grid.points();
    double[][] out = f.probabilities(points);
    if (out == null || out.length != points.length) {
      throw new IllegalArgumentException(
          "batch prediction returned " + (out == null ? "null" : out.length + " rows")
              + " for " + points.length + " points; need one row per point");
    }
    for (int k = 0; k < out.length; k++) {
      double[] row = out[k];
      int width = row == null ? 0 : row.length;
      if (width == 1) {
        requireBinary(p.length, "a batch prediction with 1 column");
        checkProbability(row[0], points[k][0], points[k][1]);
        p[0][k] = 1 - row[0];
        p[1][k] = row[0];
      } else if (width == p.length) {
        double sum = 0;
        for (int c = 0; c < width; c++) {
          checkProbability(row[c], points[k][0], points[k][1]);
          p[c][k] = row[c];
          sum += row[c];
        }
        if (Double.isNaN(sum)) {
          for (int c = 0; c < width; c++) {
            p[c][k] = Double.NaN;
          }
        } else if (Math.abs(sum - 1) > SUM_TOLERANCE) {
          throw new IllegalArgumentException(
              "batch prediction at (" + points[k][0] + ", " + points[k][1]
                  + "): probabilities sum to " + sum
                  + ": must sum to 1; pass softmax outputs, not logits");
        }
      } else {
        throw new IllegalArgumentException(
            "batch prediction row " + k + " has " + width + " columns: need 1 (P(class 1)) or "
                + p.length + " (one per class)");
      }
    }
  }

  private static void requireBinary(int classes, String what) {
    if (classes != 2) {
      throw new IllegalArgumentException(
          what + " gives P(class 1) of a binary classifier, but the plot has " + classes
              + " classes; use Prediction.batch with " + classes
              + " columns or Prediction.classes");
    }
  }

  private static void checkProbability(double value, double x1, double x2) {
    if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "prediction at (" + x1 + ", " + x2 + ") = " + value
              + ": a probability must be in [0, 1] (or NaN where the model has none)");
    }
  }
}
