package dev.descent.cli.plot;

/**
 * n × n points spanning a {@link Box} corner to corner, and values on them: point (i, j) is
 * (xMin + i·Δx, yMin + j·Δy), stored at {@code j·n + i} (rows from the bottom). Bilinear
 * interpolation between the points gives values anywhere in the box.
 */
final class Grid {
  final Box box;
  final int n;

  Grid(Box box, int n) {
    this.box = box;
    this.n = n;
  }

  int size() {
    return n * n;
  }

  double x(int i) {
    return box.xMin() + box.width() * i / (n - 1);
  }

  double y(int j) {
    return box.yMin() + box.height() * j / (n - 1);
  }

  /** The points as rows (x, y), in storage order. */
  double[][] points() {
    double[][] points = new double[size()][];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        points[j * n + i] = new double[] {x(i), y(j)};
      }
    }
    return points;
  }

  /**
   * The value at fractional grid coordinates (u, v) ∈ [0, n−1]², interpolated bilinearly; NaN if
   * any of the four neighbours is NaN.
   */
  double interpolate(double[] values, double u, double v) {
    int i = Math.min((int) u, n - 2);
    int j = Math.min((int) v, n - 2);
    double fu = u - i;
    double fv = v - j;
    double v00 = values[j * n + i];
    double v10 = values[j * n + i + 1];
    double v01 = values[(j + 1) * n + i];
    double v11 = values[(j + 1) * n + i + 1];
    return (1 - fv) * ((1 - fu) * v00 + fu * v10) + fv * ((1 - fu) * v01 + fu * v11);
  }
}
