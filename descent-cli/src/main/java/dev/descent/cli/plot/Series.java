package dev.descent.cli.plot;

import java.util.Arrays;

/**
 * A named sequence of points (x[i], y[i]): one curve, one cloud of dots, or one path. The arrays
 * are copied, so the series is immutable. Non-finite values are allowed here and are left out
 * when drawing (the {@link Figure} says how many).
 *
 * <pre>{@code
 * Series cost = Series.of("adam", new double[] {0.69, 0.41, 0.30});  // x = 1, 2, 3
 * }</pre>
 */
public record Series(String name, double[] x, double[] y) {
  public Series {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "series name = " + (name == null ? "null" : "'" + name + "'")
              + ": must be a non-blank label for the legend");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "series name '" + name.replaceAll("\\p{Cntrl}", "?")
              + "': must not contain control characters (shown as ?)");
    }
    if (x == null || y == null) {
      throw new IllegalArgumentException(
          "series '" + name + "': x and y must not be null");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series '" + name + "': x has " + x.length + " values but y has " + y.length
              + "; they must have the same length");
    }
    if (y.length == 0) {
      throw new IllegalArgumentException("series '" + name + "': has no points; need at least 1");
    }
    x = x.clone();
    y = y.clone();
  }

  /** y over x = 1, 2, …, n (epochs, steps, trials). */
  public static Series of(String name, double[] y) {
    if (y == null) {
      throw new IllegalArgumentException("series '" + name + "': y must not be null");
    }
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    return new Series(name, x, y);
  }

  /** A copy of the x values. */
  @Override
  public double[] x() {
    return x.clone();
  }

  /** A copy of the y values. */
  @Override
  public double[] y() {
    return y.clone();
  }

  public int size() {
    return y.length;
  }

  double xAt(int i) {
    return x[i];
  }

  double yAt(int i) {
    return y[i];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series s
        && name.equals(s.name)
        && Arrays.equals(x, s.x)
        && Arrays.equals(y, s.y);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    return "Series[" + name + ", " + y.length + " points]";
  }
}
