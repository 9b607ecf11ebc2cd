package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link SurfacePlot}: a pale viridis colour map of f with level lines, a colour bar on
 * the right, and the paths on top (each over a white halo so it reads on dark and light
 * colours alike).
 */
final class SurfaceRenderer {
  /** Width of the colour bar strip at the right of the figure. */
  private static final int BAR_STRIP = 84;
  /** Share of white mixed into viridis, so that the coloured paths stand out. */
  private static final double PALE = 0.35;

  private static final Color MISSING = new Color(0xd9d9d9);
  private static final Color LEVEL_LINE = new Color(0, 0, 0, 70);

  private SurfaceRenderer() {}

  static Figure draw(SurfacePlot plot, int width, int height) {
    List<String> notes = new ArrayList<>();
    Grid grid = new Grid(plot.box(), plot.resolution());
    Surface surface = Surface.evaluate(plot, grid, notes);
    XYChart chart =
        Backdrop.chart(
            width - BAR_STRIP, height, plot.title(), Axis.linear(plot.xTitle()),
            Axis.linear(plot.yTitle()), plot.box());
    addPaths(chart, plot, notes);
    Backdrop backdrop = Backdrop.locate(chart, plot.box());
    Rectangle area = backdrop.area();
    BufferedImage under = colours(grid, surface, area);
    drawLevels(under, grid, surface, plot.levels());
    BufferedImage image = backdrop.compose(under, width, height);
    if (surface.hasRange()) {
      drawColourBar(image, surface, plot, new Rectangle(width - BAR_STRIP + 12, area.y, 16,
          area.height));
    }
    return new Figure(image, notes);
  }

  private static void addPaths(XYChart chart, SurfacePlot plot, List<String> notes) {
    List<Drawable> drawn = new ArrayList<>();
    List<Drawable> placed = new ArrayList<>();
    List<Boolean> isLine = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Series path : plot.paths()) {
      Drawable d = Drawable.ofPath(path, notes);
      if (d.size() > 0) {
        drawn.add(d);
      }
    }
    for (int k = 0; k < drawn.size(); k++) {
      Drawable d = drawn.get(k);
      XYSeries halo = chart.addSeries("\u0000halo " + k, d.x(), d.y());
      halo.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      halo.setLineColor(Theme.withAlpha(Color.WHITE, 0.8));
      halo.setLineWidth(5f);
      halo.setMarker(SeriesMarkers.NONE);
      halo.setShowInLegend(false);
    }
    int overlaid = 0;
    java.util.Map<String, List<String>> followers = new java.util.LinkedHashMap<>();
    for (int k = 0; k < drawn.size(); k++) {
      Drawable d = drawn.get(k);
      String under = followsPath(d, drawn.subList(0, k), plot.box());
      if (under != null) {
        followers.computeIfAbsent(shortName(under), u -> new ArrayList<>()).add(shortName(d.name()));
      }
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      s.setLineColor(Theme.color(k));
      s.setLineWidth(2.2f);
      if (under != null) {
        s.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES[overlaid++ % DASHES.length], 0f));
      }
      s.setMarker(SeriesMarkers.NONE);
      placed.add(d);
      isLine.add(true);
      labels.add(d.name());
    }
    if (drawn.isEmpty()) {
      chart.getStyler().setLegendVisible(false);
      return;
    }
    addFollowerNote(chart, followers);
    double[][] ends = ends(drawn);
    addEnds(chart, SurfacePlot.START, ends[0], ends[1], new Dot(Dot.Shape.CIRCLE, 1.3, null, true));
    addEnds(chart, SurfacePlot.END, ends[2], ends[3],
        new Dot(Dot.Shape.SQUARE, 1.1, Color.WHITE, false));
    labels.add(SurfacePlot.START);
    labels.add(SurfacePlot.END);
    chart.getStyler().setLegendPosition(
        LegendPlacement.chooseInBox(placed, isLine, labels, plot.box(), chart.getWidth() - 110,
            chart.getHeight() - 110));
  }

  /** Dash patterns of paths drawn over earlier ones, each its own so that three on one stay apart. */
  private static final float[][] DASHES = {{9f, 6f}, {3f, 5f}, {12f, 4f, 3f, 4f}, {6f, 9f}};

  /**
   * The name of an earlier path this one runs along, or null: at least 90 % of its points (of up
   * to 1 000 taken evenly) within 1 % of the box's diagonal of the other path, as gradient descent,
   * momentum, RMSprop and Adam all follow Rosenbrock's valley.
   */
  static String followsPath(Drawable path, List<Drawable> earlier, Box box) {
    double tolerance = 0.01 * Math.hypot(box.width(), box.height());
    double[][] mine = sample(path, 1000);
    for (Drawable other : earlier) {
      double[][] theirs = sample(other, 1000);
      int close = 0;
      for (int i = 0; i < mine[0].length; i++) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < theirs[0].length; j++) {
          nearest = Math.min(nearest, Math.hypot(mine[0][i] - theirs[0][j], mine[1][i] - theirs[1][j]));
        }
        close += nearest <= tolerance ? 1 : 0;
      }
      if (close >= 0.9 * mine[0].length) {
        return other.name();
      }
    }
    return null;
  }

  /** "momentum, rmsprop and adam follow gd's path (dashed over it)", in the plot's lower left corner. */
  private static void addFollowerNote(XYChart chart, java.util.Map<String, List<String>> followers) {
    int line = 0;
    for (var f : followers.entrySet()) {
      List<String> names = f.getValue();
      String who = names.size() == 1 ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
      String text = who + (names.size() == 1 ? " follows " : " follow ") + f.getKey() + "'s path (dashed over it)";
      chart.getStyler().setAnnotationTextPanelFont(Theme.LEGEND);
      chart.getStyler().setAnnotationTextPanelFontColor(Theme.INK);
      chart.getStyler().setAnnotationTextPanelBackgroundColor(Theme.withAlpha(Color.WHITE, 0.8));
      chart.getStyler().setAnnotationTextPanelBorderColor(Theme.withAlpha(Color.WHITE, 0));
      // NOTE: XChart's screen coordinates count y from the bottom: the plot area's lower left corner, inside
      chart.addAnnotation(new org.knowm.xchart.AnnotationTextPanel(text, 78, 64 + 22 * line++, true));
    }
  }

  /** A legend name without what follows its first parenthesis: "gd (not converged 20000)" → "gd". */
  private static String shortName(String name) {
    int cut = name.indexOf(" (");
    return cut > 0 ? name.substring(0, cut) : name;
  }

  /** Up to {@code n} points of a path, evenly by index, the last one included. */
  private static double[][] sample(Drawable d, int n) {
    int m = Math.min(n, d.size());
    double[][] out = new double[2][m];
    double[] x = d.x();
    double[] y = d.y();
    for (int i = 0; i < m; i++) {
      int at = m == 1 ? 0 : (int) Math.round((double) i * (d.size() - 1) / (m - 1));
      out[0][i] = x[at];
      out[1][i] = y[at];
    }
    return out;
  }

  /** Start x, start y, end x, end y of each path. */
  private static double[][] ends(List<Drawable> paths) {
    int n = paths.size();
    double[][] ends = new double[4][n];
    for (int k = 0; k < n; k++) {
      Drawable d = paths.get(k);
      ends[0][k] = d.x()[0];
      ends[1][k] = d.y()[0];
      ends[2][k] = d.x()[d.size() - 1];
      ends[3][k] = d.y()[d.size() - 1];
    }
    return ends;
  }

  private static void addEnds(XYChart chart, String name, double[] x, double[] y, Dot marker) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(Theme.INK);
    s.setLineColor(Theme.INK);
  }

  private static BufferedImage colours(Grid grid, Surface surface, Rectangle area) {
    BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[area.width];
    for (int py = 0; py < area.height; py++) {
      double v = (area.height - py - 0.5) / area.height * (grid.n - 1);
      for (int px = 0; px < area.width; px++) {
        double u = (px + 0.5) / area.width * (grid.n - 1);
        double t = grid.interpolate(surface.shade, u, v);
        row[px] = Double.isNaN(t) ? MISSING.getRGB() : colour(t).getRGB();
      }
      image.setRGB(0, py, area.width, 1, row, 0, area.width);
    }
    return image;
  }

  private static Color colour(double shade) {
    return Theme.mix(Colormap.VIRIDIS.at(shade), Color.WHITE, PALE);
  }

  private static void drawLevels(BufferedImage under, Grid grid, Surface surface, int levels) {
    if (!surface.hasRange()) {
      return;
    }
    Graphics2D g = Theme.graphics(under);
    g.setColor(LEVEL_LINE);
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double sx = under.getWidth() / (double) (grid.n - 1);
    double sy = under.getHeight() / (double) (grid.n - 1);
    for (int k = 1; k <= levels; k++) {
      double[] s = Contours.segments(grid, surface.shade, (double) k / (levels + 1));
      for (int i = 0; i < s.length; i += 4) {
        g.draw(
            new Line2D.Double(
                s[i] * sx, under.getHeight() - s[i + 1] * sy,
                s[i + 2] * sx, under.getHeight() - s[i + 3] * sy));
      }
    }
    g.dispose();
  }

  private static void drawColourBar(
      BufferedImage image, Surface surface, SurfacePlot plot, Rectangle bar) {
    Graphics2D g = Theme.graphics(image);
    for (int py = 0; py < bar.height; py++) {
      g.setColor(colour(1 - (py + 0.5) / bar.height));
      g.fillRect(bar.x, bar.y + py, bar.width, 1);
    }
    g.setColor(Theme.FRAME);
    g.drawRect(bar.x, bar.y, bar.width - 1, bar.height - 1);
    g.setFont(Theme.TICKS);
    FontRenderContext context = g.getFontRenderContext();
    for (double value : surface.ticks()) {
      int y = (int) Math.round(bar.y + bar.height - surface.shadeOf(value) * (bar.height - 1));
      g.setColor(Theme.FRAME);
      g.drawLine(bar.x + bar.width, y, bar.x + bar.width + 3, y);
      String label = Numbers.compact(value);
      Rectangle2D bounds = Theme.TICKS.getStringBounds(label, context);
      g.setColor(Theme.SOFT_INK);
      g.drawString(label, bar.x + bar.width + 6, (float) (y - bounds.getCenterY()));
    }
    g.setColor(Theme.INK);
    g.setFont(Theme.AXIS_TITLE);
    String title = plot.scale() == Axis.Scale.LOG ? "f (log)" : "f";
    g.drawString(title, bar.x, bar.y - 8);
    g.dispose();
  }
}
