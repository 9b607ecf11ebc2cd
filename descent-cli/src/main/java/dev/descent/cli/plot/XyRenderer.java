package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws an {@link XyPlot} with XChart: dots first, then lines, then vertical lines. */
final class XyRenderer {
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private static final int DATA_TICKS = 12;
  /** No legend shows it and a user's name cannot contain a control character. */
  private static final String HIDDEN = "\u0000tick spacing";

  private XyRenderer() {}

  static Figure draw(XyPlot plot, int width, int height) {
    if (plot.dots().isEmpty() && plot.lines().isEmpty()) {
      throw new IllegalArgumentException(
          "plot '" + plot.title() + "' has nothing to draw; add a line or dots");
    }
    boolean xLog = plot.x().isLog();
    boolean yLog = plot.y().isLog();
    List<String> notes = new ArrayList<>();
    List<Drawable> dots = drawable(plot.dots(), xLog, yLog, notes);
    List<Drawable> lines = new ArrayList<>();
    for (Drawable line : drawable(plot.lines(), xLog, yLog, notes)) {
      // NOTE: long curves are downsampled for drawing (min and max per pixel column)
      lines.add(Downsample.minMax(line, width));
    }

    XYChart chart = Theme.xyChart(width, height, plot.title(), plot.x(), plot.y());
    List<Drawable> placed = new ArrayList<>();
    List<Boolean> placedIsLine = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int colour = 0;
    for (Drawable d : dots) {
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      Color c = Theme.color(colour++);
      s.setMarker(Dot.plain(d.size() > 500 ? 0.7 : 1.0));
      s.setMarkerColor(Theme.withAlpha(c, dotAlpha(d.size())));
      s.setLineColor(c);
      place(d, false, placed, placedIsLine, labels);
    }
    for (Drawable d : lines) {
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      Color c = Theme.color(colour++);
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setLineWidth(Theme.LINE_WIDTH);
      s.setMarker(markers(plot.markers(), d.size()) ? Dot.plain(0.9) : SeriesMarkers.NONE);
      place(d, true, placed, placedIsLine, labels);
    }
    if (placed.isEmpty()) {
      notes.add("plot '" + plot.title() + "': no series has a point that can be drawn");
    } else {
      addVerticalLines(chart, plot, placed, placedIsLine, labels);
      styleAxes(chart, plot, placed);
      avoidTicksAtData(chart, placed);
      int plotWidth = width - 110;
      chart
          .getStyler()
          .setLegendPosition(
              LegendPlacement.choose(placed, placedIsLine, labels, xLog, yLog, plotWidth,
                  height - 110));
    }
    return new Figure(Theme.paint(chart), notes);
  }

  private static List<Drawable> drawable(
      List<Series> series, boolean xLog, boolean yLog, List<String> notes) {
    List<Drawable> out = new ArrayList<>();
    for (Series s : series) {
      Drawable d = Drawable.of(s, xLog, yLog, notes);
      if (d.size() > 0) {
        out.add(d);
      }
    }
    return out;
  }

  private static void place(
      Drawable d, boolean line, List<Drawable> placed, List<Boolean> isLine, List<String> labels) {
    placed.add(d);
    isLine.add(line);
    labels.add(d.name());
  }

  /** Each vertical line spans the drawn y range, so it never stretches the axis. */
  private static void addVerticalLines(
      XYChart chart,
      XyPlot plot,
      List<Drawable> placed,
      List<Boolean> isLine,
      List<String> labels) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Drawable d : placed) {
      for (double v : d.y()) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    for (VerticalLine v : plot.verticalLines()) {
      double[] x = {v.x(), v.x()};
      double[] y = {low, high};
      XYSeries s = chart.addSeries(v.label(), x, y);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      s.setLineStyle(DASHED);
      s.setLineColor(Theme.INK);
      s.setMarker(SeriesMarkers.NONE);
      place(new Drawable(v.label(), x, y), true, placed, isLine, labels);
    }
  }

  /**
   * Tick labels and ranges XChart gets wrong by default: log axes get plain labels (0.001, 100)
   * while they stay short and powers of ten (1E-6) beyond; linear axes get a pattern with a
   * leading zero (0.05, not .05); a constant series gets a range around its value instead of a
   * single tick.
   */
  private static void styleAxes(XYChart chart, XyPlot plot, List<Drawable> placed) {
    XYStyler styler = chart.getStyler();
    double[] x = range(placed, true);
    double[] y = range(placed, false);
    styler.setXAxisLogarithmic(plot.x().isLog());
    styler.setYAxisLogarithmic(plot.y().isLog());
    styler.setXAxisDecimalPattern(pattern(x, plot.x().isLog()));
    styler.setYAxisDecimalPattern(pattern(y, plot.y().isLog()));
    if (x[0] == x[1]) {
      styler.setXAxisMin(widen(x[0], plot.x().isLog(), -1));
      styler.setXAxisMax(widen(x[0], plot.x().isLog(), 1));
    }
    if (y[0] == y[1]) {
      styler.setYAxisMin(widen(y[0], plot.y().isLog(), -1));
      styler.setYAxisMax(widen(y[0], plot.y().isLog(), 1));
    }
  }

  private static double[] range(List<Drawable> placed, boolean x) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Drawable d : placed) {
      for (double v : x ? d.x() : d.y()) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    return new double[] {low, high};
  }

  private static String pattern(double[] range, boolean log) {
    if (log) {
      return range[0] >= 1e-4 && range[1] < 1e5 ? "#,##0.####" : "0E0";
    }
    return Theme.linearPattern(range[0], range[1]);
  }

  /** A value ±10% (±1 for 0; ×2 or ÷2 on a log axis): a range around a constant. */
  private static double widen(double value, boolean log, int side) {
    if (log) {
      return side < 0 ? value / 2 : value * 2;
    }
    return value + side * (value == 0 ? 1 : 0.1 * Math.abs(value));
  }

  /**
   * NOTE: when all x (or all y) values are equally spaced, XChart puts that axis's ticks at data
   * values (epochs 1, 8, 15, …); one invisible point, between the first two points of the
   * longest series (so inside the drawn range), makes it choose round numbers (0, 25, 50, …).
   * Up to {@value #DATA_TICKS} distinct values the data ticks are kept: they are the epochs.
   */
  private static void avoidTicksAtData(XYChart chart, List<Drawable> placed) {
    Set<Double> xs = new HashSet<>();
    Set<Double> ys = new HashSet<>();
    Drawable longest = placed.get(0);
    for (Drawable d : placed) {
      for (int i = 0; i < d.size(); i++) {
        xs.add(d.x()[i]);
        ys.add(d.y()[i]);
      }
      longest = d.size() > longest.size() ? d : longest;
    }
    if ((xs.size() <= DATA_TICKS && ys.size() <= DATA_TICKS) || longest.size() < 2) {
      return;
    }
    double x = (longest.x()[0] + longest.x()[1]) / 2;
    double y = (longest.y()[0] + longest.y()[1]) / 2;
    XYSeries s = chart.addSeries(HIDDEN, new double[] {x}, new double[] {y});
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  private static boolean markers(XyPlot.Markers markers, int points) {
    return switch (markers) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> points <= XyPlot.MARKER_LIMIT;
    };
  }

  /** Dense clouds get lighter dots so that overlaps show as darker areas. */
  private static double dotAlpha(int points) {
    if (points <= 200) {
      return 0.85;
    }
    return Math.max(0.25, 0.85 * Math.sqrt(200.0 / points));
  }
}
