package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
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
    List<String> notes = new ArrayList<>();
    XYChart chart = Theme.xyChart(width, height, plot.title(), plot.x(), plot.y());
    Legend legend = new Legend();
    addDots(chart, plot, notes, legend);
    addLines(chart, plot, width, notes, legend);
    if (legend.curves.isEmpty()) {
      notes.add("plot '" + plot.title() + "': no series has a point that can be drawn");
      markEmpty(chart, width, height);
    } else {
      addVerticalLines(chart, plot, legend);
      styleAxes(chart, plot, legend.curves);
      avoidTicksAtData(chart, legend.curves);
      addNotes(chart, plot, width, height);
      chart.getStyler().setLegendPosition(
          LegendPlacement.choose(legend.curves, legend.isLine, legend.labels, plot.x().isLog(),
              plot.y().isLog(), width - 110, height - 110));
    }
    return new Figure(Theme.paint(chart), notes);
  }

  /** An empty frame that says why, instead of made-up axes from −1 to 1. */
  private static void markEmpty(XYChart chart, int width, int height) {
    XYStyler styler = chart.getStyler();
    styler.setLegendVisible(false);
    styler.setAxisTicksVisible(false);
    styler.setPlotGridLinesVisible(false);
    styler.setAnnotationTextFont(Theme.AXIS_TITLE);
    styler.setAnnotationTextFontColor(Theme.SOFT_INK);
    chart.addAnnotation(
        new AnnotationText(
            "nothing to draw: no finite value (or none > 0 on a log axis)", width / 2.0,
            height / 2.0, true));
  }

  /** The plot's notes, one line each, centred under the title inside the plot area. */
  private static void addNotes(XYChart chart, XyPlot plot, int width, int height) {
    XYStyler styler = chart.getStyler();
    styler.setAnnotationTextFont(Theme.LEGEND);
    styler.setAnnotationTextFontColor(Theme.SOFT_INK);
    for (int i = 0; i < plot.notes().size(); i++) {
      // NOTE: XChart's screen coordinates count y from the bottom
      chart.addAnnotation(new AnnotationText(plot.notes().get(i), width / 2.0, height - 62 - 17 * i, true));
    }
  }

  /** What the legend lists, for choosing where it goes. */
  private static final class Legend {
    final List<Drawable> curves = new ArrayList<>();
    final List<Boolean> isLine = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    void add(Drawable d, boolean line) {
      curves.add(d);
      isLine.add(line);
      labels.add(d.name());
    }
  }

  /**
   * Colours go by position in the plot (dots, then lines), not by what is drawn, so that a
   * series keeps its colour when another one has nothing drawable.
   */
  private static void addDots(XYChart chart, XyPlot plot, List<String> notes, Legend legend) {
    for (int k = 0; k < plot.dots().size(); k++) {
      Drawable d = Drawable.of(plot.dots().get(k), plot.x().isLog(), plot.y().isLog(), notes);
      if (d.size() == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      Color c = Theme.color(k);
      s.setMarker(Dot.plain(d.size() > 500 ? 0.7 : 1.0));
      s.setMarkerColor(Theme.withAlpha(c, dotAlpha(d.size())));
      s.setLineColor(c);
      legend.add(d, false);
    }
  }

  /** Dash patterns for a line drawn over an earlier one it coincides with, so both stay visible. */
  private static final float[][] OVER = {{7f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};

  private static void addLines(
      XYChart chart, XyPlot plot, int width, List<String> notes, Legend legend) {
    List<Drawable> earlier = new java.util.ArrayList<>();
    int overlaid = 0;
    for (int k = 0; k < plot.lines().size(); k++) {
      Drawable all = Drawable.of(plot.lines().get(k), plot.x().isLog(), plot.y().isLog(), notes);
      if (all.size() == 0) {
        continue;
      }
      String under = coincidesWith(all, earlier, plot.y().isLog());
      earlier.add(all);
      // NOTE: long curves are downsampled for drawing: min and max per pixel column
      Drawable d = Downsample.minMax(all, width);
      if (under != null) {
        d = new Drawable(d.name() + " (on " + under + ")", d.x(), d.y());
      }
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      XyPlot.LineStyle style = plot.styles().get(all.name());
      if (under != null || (style != null && style.dashed())) {
        s.setLineStyle(new BasicStroke(Theme.LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, OVER[overlaid++ % OVER.length], 0f));
      }
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      Color c = Theme.color(style != null ? style.colour() : plot.dots().size() + k);
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setLineWidth(Theme.LINE_WIDTH);
      s.setMarker(markers(plot.markers(), all.size()) ? Dot.plain(0.9) : SeriesMarkers.NONE);
      legend.add(d, true);
    }
  }

  /**
   * The name of an earlier line this one mostly hides, or null: within 1 % of the plot's y range
   * (on the axis's scale) at 90 % of their shared x values or more, as gd under momentum, adam
   * under adamw, or cosine under warmup-cosine after the warm-up.
   */
  static String coincidesWith(Drawable line, List<Drawable> earlier, boolean yLog) {
    for (Drawable other : earlier) {
      if (other.size() != line.size() || !java.util.Arrays.equals(other.x(), line.x())) {
        continue;
      }
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      double[] gap = new double[line.size()];
      for (int i = 0; i < line.size(); i++) {
        double a = yLog ? Math.log10(line.y()[i]) : line.y()[i];
        double b = yLog ? Math.log10(other.y()[i]) : other.y()[i];
        low = Math.min(low, Math.min(a, b));
        high = Math.max(high, Math.max(a, b));
        gap[i] = Math.abs(a - b);
      }
      int close = 0;
      for (double g : gap) {
        close += g <= 0.01 * Math.max(high - low, 1e-300) ? 1 : 0;
      }
      if (close >= 0.9 * gap.length) {
        return other.name();
      }
    }
    return null;
  }

  /** Each vertical line spans the drawn y range, so it never stretches the axis. */
  private static void addVerticalLines(XYChart chart, XyPlot plot, Legend legend) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Drawable d : legend.curves) {
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
      legend.add(new Drawable(v.label(), x, y), true);
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
    // NOTE: a log axis with at most one power of ten inside has too few labels: label 2…9 too;
    // with two or more, the 2…9 labels of a decade collide (0.003 0.004 0.005 … 0.01 0.02 …)
    styler.setXAxisLogarithmicDecadeOnly(powersOfTen(x) >= 2);
    styler.setYAxisLogarithmicDecadeOnly(powersOfTen(y) >= 2);
    if (plot.x().isCategorical()) {
      List<String> names = plot.x().categories();
      styler.setXAxisMin(-0.5);
      styler.setXAxisMax(names.size() - 0.5);
      styler.setxAxisTickLabelsFormattingFunction(v -> category(names, v));
    } else if (x[0] == x[1]) {
      styler.setXAxisMin(widen(x[0], plot.x().isLog(), -1));
      styler.setXAxisMax(widen(x[0], plot.x().isLog(), 1));
    }
    if (y[0] == y[1]) {
      styler.setYAxisMin(widen(y[0], plot.y().isLog(), -1));
      styler.setYAxisMax(widen(y[0], plot.y().isLog(), 1));
    }
  }

  /** How many powers of ten lie in [low, high]. */
  static int powersOfTen(double[] range) {
    if (!(range[0] > 0)) {
      return 0;
    }
    return (int) (Math.floor(Math.log10(range[1]) + 1e-9) - Math.ceil(Math.log10(range[0]) - 1e-9)) + 1;
  }

  /**
   * The name of the category at a tick, or an invisible label between categories. NOTE: XChart
   * draws no ticks at all when two labels are equal (it takes them for decimals chopped off), so
   * each invisible label is a different number of zero-width spaces.
   */
  static String category(List<String> names, double at) {
    long i = Math.round(at);
    if (Math.abs(at - i) < 1e-6 && i >= 0 && i < names.size()) {
      return names.get((int) i);
    }
    return "\u200B".repeat((int) Math.max(1, Math.round(4 * (at + 2))));
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
