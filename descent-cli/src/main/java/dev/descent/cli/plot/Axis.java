package dev.descent.cli.plot;

import java.util.List;

/**
 * One axis of a plot: its title and whether it is linear or logarithmic (base 10). Cost curves
 * span decades, so their y axis is usually {@link #log}; a learning rate's x axis too. A
 * {@link #categorical} axis is linear with category {@code i} at {@code i} (0-based), labelled by
 * name: the values of a search's choice, jittered around their position.
 *
 * <pre>{@code
 * Axis.linear("epoch");  Axis.log("cost");  Axis.categorical("hidden", List.of("5-2", "10-5"));
 * }</pre>
 *
 * @param categories the names at 0, 1, …; empty for a numeric axis
 */
public record Axis(String title, Scale scale, List<String> categories) {
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
    if (categories == null || (!categories.isEmpty() && scale == Scale.LOG)) {
      throw new IllegalArgumentException(
          "axis '" + title + "': categories must be a list (empty for a numeric axis) on a linear scale");
    }
    categories = List.copyOf(categories);
  }

  public Axis(String title, Scale scale) {
    this(title, scale, List.of());
  }

  public static Axis linear(String title) {
    return new Axis(title, Scale.LINEAR);
  }

  public static Axis log(String title) {
    return new Axis(title, Scale.LOG);
  }

  /** Category {@code i} at x = {@code i}, labelled {@code names.get(i)}. */
  public static Axis categorical(String title, List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("axis '" + title + "': a categorical axis needs at least one category");
    }
    return new Axis(title, Scale.LINEAR, names);
  }

  public boolean isCategorical() {
    return !categories.isEmpty();
  }

  public boolean isLog() {
    return scale == Scale.LOG;
  }
}
