package dev.descent.cli.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to draw on two numeric axes: curves ({@code lines}), clouds of points ({@code dots}, drawn
 * first, underneath) and dashed {@link VerticalLine}s. Colours follow the palette in the order
 * dots, then lines. Covers cost curves, EWA curves over raw data, learning-rate range tests,
 * gradient norms, schedules and hyper-parameter scatters; build it with the withers.
 *
 * <p>Defaults: markers on lines of at most {@value #MARKER_LIMIT} points ({@link Markers#AUTO}),
 * no notes (lines of text under the title, {@link #withNote}).
 *
 * <pre>{@code
 * XyPlot plot = XyPlot.of("Cost per epoch", Axis.linear("epoch"), Axis.log("cost"))
 *     .line(Series.of("gd", gdCost))
 *     .line(Series.of("adam", adamCost));
 * }</pre>
 */
public record XyPlot(
    String title,
    Axis x,
    Axis y,
    List<Series> dots,
    List<Series> lines,
    List<VerticalLine> verticalLines,
    Markers markers,
    List<String> notes,
    Map<String, LineStyle> styles) {

  /** Beyond this many points a line's markers merge into a thick band, so AUTO leaves them off. */
  public static final int MARKER_LIMIT = 30;

  /** Point markers on lines: AUTO draws them on lines of at most {@value #MARKER_LIMIT} points. */
  public enum Markers {
    AUTO,
    ON,
    OFF
  }

  public XyPlot {
    if (title == null) {
      throw new IllegalArgumentException("plot title = null: use \"\" for no title");
    }
    if (x == null || y == null) {
      throw new IllegalArgumentException("plot '" + title + "': axes must not be null");
    }
    if (dots == null || lines == null || verticalLines == null || markers == null || notes == null || styles == null) {
      throw new IllegalArgumentException(
          "plot '" + title + "': dots, lines, vertical lines and markers must not be null");
    }
    dots = copy(title, dots, "dots");
    lines = copy(title, lines, "lines");
    verticalLines = copy(title, verticalLines, "vertical lines");
    notes = copy(title, notes, "notes");
    styles = Map.copyOf(styles);
    checkUniqueNames(title, dots, lines, verticalLines);
    for (VerticalLine v : verticalLines) {
      if (x.isLog() && v.x() <= 0) {
        throw new IllegalArgumentException(
            "plot '" + title + "': vertical line '" + v.label() + "' at x = " + v.x()
                + " cannot be drawn on the log x axis; x must be > 0");
      }
    }
  }

  /** An empty plot with markers {@code AUTO}; add series with {@link #line} and {@link #dots}. */
  public static XyPlot of(String title, Axis x, Axis y) {
    return new XyPlot(title, x, y, List.of(), List.of(), List.of(), Markers.AUTO, List.of(), Map.of());
  }

  /** Adds a curve. */
  public XyPlot line(Series series) {
    return new XyPlot(title, x, y, dots, append(lines, series), verticalLines, markers, notes, styles);
  }

  /**
   * How a line is drawn when its place in the plot should not decide it: the palette's colour
   * {@code colour} (0 blue, 1 orange, 2 green, 3 red, …), solid or dashed. Two plots of the same
   * quantities give them the same colours this way (β 0.9 is green in both EWA plots).
   */
  public record LineStyle(int colour, boolean dashed) {
    public LineStyle {
      if (colour < 0) {
        throw new IllegalArgumentException("line colour " + colour + ": must be a palette index, 0 or more");
      }
    }
  }

  /** Adds a curve drawn in {@code style} instead of the colour of its place. */
  public XyPlot line(Series series, LineStyle style) {
    XyPlot plot = line(series);
    Map<String, LineStyle> all = new java.util.HashMap<>(styles);
    all.put(series.name(), style);
    return new XyPlot(title, x, y, dots, plot.lines, verticalLines, markers, notes, all);
  }

  /** Adds a cloud of points (drawn under the lines). */
  public XyPlot dots(Series series) {
    return new XyPlot(title, x, y, append(dots, series), lines, verticalLines, markers, notes, styles);
  }

  /** Adds a dashed vertical line at {@code x}, named {@code label} in the legend. */
  public XyPlot verticalLine(double at, String label) {
    return new XyPlot(
        title, x, y, dots, lines, append(verticalLines, new VerticalLine(at, label)), markers, notes, styles);
  }

  public XyPlot withMarkers(Markers newMarkers) {
    return new XyPlot(title, x, y, dots, lines, verticalLines, newMarkers, notes, styles);
  }

  /**
   * Adds a line of text printed in the plot under its title: what is not drawn and why (a run
   * that diverged before its first epoch has no cost to draw), so that nothing goes missing silently.
   */
  public XyPlot withNote(String note) {
    return new XyPlot(title, x, y, dots, lines, verticalLines, markers, append(notes, note), styles);
  }

  /**
   * A hyper-parameter search: each trial's metric against one parameter, as dots, e.g. dev
   * accuracy against the learning rate on a log axis.
   */
  public static XyPlot metricVsParameter(
      String metric, Axis parameter, double[] parameterValues, double[] metricValues) {
    String title = metric + " vs " + parameter.title();
    return of(title, parameter, Axis.linear(metric))
        .dots(new Series("trials", parameterValues, metricValues));
  }

  /**
   * A hyper-parameter search in trial order: each trial's metric as a dot at its number ({@code
   * trials}, as the search's table numbers them: from 0) and the best so far (lowest for {@code
   * MINIMIZE}) as a line. Trials whose metric is not finite (diverged) are not drawn and do not
   * count as best.
   */
  public static XyPlot metricByTrial(String metric, double[] trials, double[] values, Goal goal) {
    XyPlot plot =
        of(metric + " by trial", Axis.linear("trial"), Axis.linear(metric))
            .dots(new Series("trial", trials, values))
            .withMarkers(Markers.OFF);
    double[][] best = bestSoFar(trials, values, goal);
    return best[0].length == 0 ? plot : plot.line(new Series("best so far", best[0], best[1]));
  }

  /** The best-so-far staircase from the first finite value on, at the given trial numbers. */
  private static double[][] bestSoFar(double[] trials, double[] values, Goal goal) {
    double[] x = new double[2 * values.length];
    double[] y = new double[2 * values.length];
    int n = 0;
    double incumbent = Double.NaN;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isFinite(v) && (Double.isNaN(incumbent) || goal.better(v, incumbent))) {
        if (n > 0) {
          x[n] = trials[i];
          y[n++] = incumbent;
        }
        incumbent = v;
      }
      if (!Double.isNaN(incumbent)) {
        x[n] = trials[i];
        y[n++] = incumbent;
      }
    }
    return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
  }

  /**
   * A learning-rate range test: the loss against the learning rate (log x axis), with a
   * vertical line at the suggested rate.
   */
  public static XyPlot lrRangeTest(double[] learningRates, double[] losses, double suggested) {
    return of("Learning-rate range test", Axis.log("learning rate"), Axis.linear("loss"))
        .line(new Series("loss", learningRates, losses))
        .verticalLine(suggested, "suggested " + Numbers.compact(suggested))
        .withMarkers(Markers.OFF);
  }

  private static <T> List<T> append(List<T> list, T item) {
    if (item == null) {
      throw new IllegalArgumentException("cannot add null to a plot");
    }
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static <T> List<T> copy(String title, List<T> items, String what) {
    for (T item : items) {
      // NOTE: not items.contains(null): List.of(...) throws on that question
      if (item == null) {
        throw new IllegalArgumentException(
            "plot '" + title + "': " + what + " contain null; remove it");
      }
    }
    return List.copyOf(items);
  }

  private static void checkUniqueNames(
      String title, List<Series> dots, List<Series> lines, List<VerticalLine> verticals) {
    Set<String> names = new HashSet<>();
    List<String> all = new ArrayList<>();
    dots.forEach(s -> all.add(s.name()));
    lines.forEach(s -> all.add(s.name()));
    verticals.forEach(v -> all.add(v.label()));
    for (String name : all) {
      if (!names.add(name)) {
        throw new IllegalArgumentException(
            "plot '" + title + "': name '" + name
                + "' is used twice; legend names must be unique");
      }
    }
  }
}
