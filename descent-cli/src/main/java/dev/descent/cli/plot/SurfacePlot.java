package dev.descent.cli.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Optimizer paths over a function of two variables: f is drawn as a colour map with level
 * lines over a {@link Box}, each path (a {@link Series} of parameter values, x = w1, y = w2) as a
 * line with its start (hollow circle) and end (filled square) marked. For the "saddle point"
 * experiment: f = x² − y², a plateau, or Rosenbrock's valley (use {@link Axis.Scale#LOG}: its
 * values span five decades).
 *
 * <p>Defaults: linear colour scale, {@value #DEFAULT_RESOLUTION}² grid, {@value #DEFAULT_LEVELS}
 * level lines, axis titles "w1" and "w2". With {@code LOG} the colours and levels follow
 * log10(f − min f + ε), ε = 10⁻⁴·(max f − min f), so any f works, negative values included.
 * Grid points where f is not finite are grey (noted); path points that are not finite are left
 * out (noted), and paths are clipped at the box.
 *
 * <pre>{@code
 * SurfacePlot.of("Saddle point", new Box(-2, 2, -2, 2), (x, y) -> x * x - y * y)
 *     .path(new Series("gd", w1s, w2s));
 * }</pre>
 */
public record SurfacePlot(
    String title,
    String xTitle,
    String yTitle,
    Box box,
    DoubleBinaryOperator function,
    Axis.Scale scale,
    List<Series> paths,
    int resolution,
    int levels) {

  public static final int DEFAULT_RESOLUTION = 200;
  public static final int DEFAULT_LEVELS = 12;
  /** Legend entries of the start and end markers; no path may be named so. */
  public static final String START = "start";
  public static final String END = "end";

  public SurfacePlot {
    if (title == null || xTitle == null || yTitle == null) {
      throw new IllegalArgumentException(
          "surface plot: title and axis titles must not be null; use \"\" for none");
    }
    if (box == null || function == null || scale == null || paths == null) {
      throw new IllegalArgumentException(
          "surface plot '" + title + "': box, function, scale and paths must not be null");
    }
    paths = List.copyOf(paths);
    Set<String> names = new HashSet<>(List.of(START, END));
    for (Series path : paths) {
      if (!names.add(path.name())) {
        throw new IllegalArgumentException(
            "surface plot '" + title + "': path name '" + path.name()
                + "' is used twice or is one of the legend's own entries '" + START + "' and '"
                + END + "'; legend names must be unique");
      }
    }
    if (resolution < DecisionPlot.MIN_RESOLUTION || resolution > DecisionPlot.MAX_RESOLUTION) {
      throw new IllegalArgumentException(
          "surface plot '" + title + "': resolution = " + resolution + ": must be in ["
              + DecisionPlot.MIN_RESOLUTION + ", " + DecisionPlot.MAX_RESOLUTION
              + "] grid points per side");
    }
    if (levels < 0 || levels > 100) {
      throw new IllegalArgumentException(
          "surface plot '" + title + "': levels = " + levels + ": must be in [0, 100]");
    }
  }

  /** f over {@code box} with the defaults and no paths yet. */
  public static SurfacePlot of(String title, Box box, DoubleBinaryOperator function) {
    return new SurfacePlot(
        title, "w1", "w2", box, function, Axis.Scale.LINEAR, List.of(), DEFAULT_RESOLUTION,
        DEFAULT_LEVELS);
  }

  /** Adds an optimizer's path: x = first parameter, y = second, in step order. */
  public SurfacePlot path(Series path) {
    if (path == null) {
      throw new IllegalArgumentException("surface plot '" + title + "': path = null");
    }
    List<Series> more = new ArrayList<>(paths);
    more.add(path);
    return new SurfacePlot(
        title, xTitle, yTitle, box, function, scale, more, resolution, levels);
  }

  public SurfacePlot withScale(Axis.Scale newScale) {
    return new SurfacePlot(
        title, xTitle, yTitle, box, function, newScale, paths, resolution, levels);
  }

  public SurfacePlot withAxisTitles(String newXTitle, String newYTitle) {
    return new SurfacePlot(
        title, newXTitle, newYTitle, box, function, scale, paths, resolution, levels);
  }

  public SurfacePlot withResolution(int newResolution) {
    return new SurfacePlot(
        title, xTitle, yTitle, box, function, scale, paths, newResolution, levels);
  }
}
