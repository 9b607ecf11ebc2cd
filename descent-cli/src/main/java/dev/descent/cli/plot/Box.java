package dev.descent.cli.plot;

/**
 * The rectangle [xMin, xMax] × [yMin, yMax] a 2-D figure shows.
 *
 * <pre>{@code
 * new Box(-2, 2, -1, 3);  // Rosenbrock's valley and its minimum at (1, 1)
 * }</pre>
 */
public record Box(double xMin, double xMax, double yMin, double yMax) {
  public Box {
    if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
      throw new IllegalArgumentException(
          "box x range [" + xMin + ", " + xMax + "]: needs finite xMin < xMax");
    }
    if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) {
      throw new IllegalArgumentException(
          "box y range [" + yMin + ", " + yMax + "]: needs finite yMin < yMax");
    }
  }

  /**
   * The smallest box holding the finite points (x[i], y[i]), widened by {@code padding} (a
   * fraction of each side's span) on every side; a side with no spread gets ±1. [−1, 1]² when no
   * point is finite.
   */
  static Box around(double[] x, double[] y, double padding) {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        x0 = Math.min(x0, x[i]);
        x1 = Math.max(x1, x[i]);
        y0 = Math.min(y0, y[i]);
        y1 = Math.max(y1, y[i]);
      }
    }
    if (x0 > x1) {
      return new Box(-1, 1, -1, 1);
    }
    // padding * x1 - padding * x0 rather than padding * (x1 - x0): the span of values near
    // ±1e308 overflows; the box is kept within ±LIMIT so that its width stays finite
    double dx = x1 > x0 ? padding * x1 - padding * x0 : 1;
    double dy = y1 > y0 ? padding * y1 - padding * y0 : 1;
    return new Box(clamp(x0 - dx), clamp(x1 + dx), clamp(y0 - dy), clamp(y1 + dy));
  }

  private static final double LIMIT = Double.MAX_VALUE / 4;

  private static double clamp(double v) {
    return Math.max(-LIMIT, Math.min(LIMIT, v));
  }

  double width() {
    return xMax - xMin;
  }

  double height() {
    return yMax - yMin;
  }
}
