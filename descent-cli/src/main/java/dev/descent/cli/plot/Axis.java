package dev.descent.cli.plot;

/**
 * One axis of a plot: its title and whether it is linear or logarithmic (base 10). Cost curves
 * span decades, so their y axis is usually {@link #log}; a learning rate's x axis too.
 *
 * <pre>{@code
 * Axis.linear("epoch");  Axis.log("cost");
 * }</pre>
 */
public record Axis(String title, Scale scale) {
  /** How values map to positions. On a {@code LOG} axis, values ≤ 0 cannot be drawn. */
  public enum Scale {
    LINEAR,
    LOG
  }

  public Axis {
    if (title == null) {
      throw new IllegalArgumentException("axis title = null: use \"\" for no title");
    }
    if (scale == null) {
      throw new IllegalArgumentException(
          "axis '" + title + "': scale = null; accepted: LINEAR, LOG");
    }
  }

  public static Axis linear(String title) {
    return new Axis(title, Scale.LINEAR);
  }

  public static Axis log(String title) {
    return new Axis(title, Scale.LOG);
  }

  public boolean isLog() {
    return scale == Scale.LOG;
  }
}
