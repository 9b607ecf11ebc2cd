package dev.descent.check;

/**
 * One parameter's part of a gradient check: its own relative difference
 * {@code ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)} (0 when both gradients are exactly zero), its verdict, and
 * its worst entry, the one with the largest {@code |g − g̃|}. Gradients are flattened row-major;
 * {@code index} is the parameter's position in the checked order (W1, b1, W2, …).
 */
public record ParameterDifference(String name, int index, int rows, int cols, double difference,
    Verdict verdict, Entry worst, double[] analytic, double[] numerical) {

  /** Entry [row, col] of a parameter's gradient: analytic (after any corruption) and numerical. */
  public record Entry(int row, int col, double analytic, double numerical) {
    public double error() {
      return Math.abs(analytic - numerical);
    }
  }

  public String shape() {
    return rows + "×" + cols;
  }

  /** Compares {@code g} and {@code approx}, both {@code rows·cols} long, copying them. */
  static ParameterDifference of(String name, int index, int rows, int cols, double[] g, double[] approx) {
    int worstK = 0;
    double worstError = -1;
    for (int k = 0; k < g.length; k++) {
      double e = Math.abs(g[k] - approx[k]);
      if (e > worstError || Double.isNaN(e)) {
        worstError = e;
        worstK = k;
        if (Double.isNaN(e)) {
          break;
        }
      }
    }
    double difference = relativeDifference(g, approx);
    Entry worst = new Entry(worstK / cols, worstK % cols, g[worstK], approx[worstK]);
    return new ParameterDifference(name, index, rows, cols, difference, Verdict.of(difference), worst,
        g.clone(), approx.clone());
  }

  /** {@code ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂)}; 0 when both are exactly zero (nothing to disagree about). */
  static double relativeDifference(double[] a, double[] b) {
    double d = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      double e = a[k] - b[k];
      d += e * e;
      na += a[k] * a[k];
      nb += b[k] * b[k];
    }
    double denominator = Math.sqrt(na) + Math.sqrt(nb);
    return denominator == 0 ? 0 : Math.sqrt(d) / denominator;
  }
}
