package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

/**
 * Draws a {@link DecisionPlot}: predicted regions as a pale tint of each class colour (paler
 * where the classifier is unsure), boundaries as dark lines, and the examples as dots in the
 * full colour of their true class on top.
 */
final class DecisionRenderer {
  /** Tint of a region: from this much class colour when unsure… */
  private static final double TINT_UNSURE = 0.10;
  /** …to this much when certain (and for hard class predictions). */
  private static final double TINT_SURE = 0.33;

  private static final Color MISSING = new Color(0xd9d9d9);
  private static final Color BOUNDARY = new Color(0x3a3a3a);

  private DecisionRenderer() {}

  static Figure draw(DecisionPlot plot, int width, int height) {
    List<String> notes = new ArrayList<>();
    Grid grid = new Grid(plot.box(), plot.resolution());
    double[][] p = DecisionField.evaluate(plot, grid, notes);
    XYChart chart =
        Backdrop.chart(
            width, height, plot.title(), Axis.linear(plot.x1Title()), Axis.linear(plot.x2Title()),
            plot.box());
    addExamples(chart, plot, notes);
    Backdrop backdrop = Backdrop.locate(chart, plot.box());
    BufferedImage under = regions(grid, p, backdrop.area());
    drawBoundaries(under, grid, p);
    return new Figure(backdrop.compose(under, width, height), notes);
  }

  private static void addExamples(XYChart chart, DecisionPlot plot, List<String> notes) {
    int m = plot.labels().length;
    boolean[] finite = finiteExamples(plot, notes);
    List<Drawable> placed = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    double scale = m > 1000 ? 0.75 : 1.0;
    for (int k = 0; k < plot.classCount(); k++) {
      int count = 0;
      for (int i = 0; i < m; i++) {
        count += finite[i] && plot.label(i) == k ? 1 : 0;
      }
      if (count == 0) {
        continue;
      }
      double[] x1 = new double[count];
      double[] x2 = new double[count];
      int at = 0;
      for (int i = 0; i < m; i++) {
        if (finite[i] && plot.label(i) == k) {
          x1[at] = plot.feature(i, 0);
          x2[at++] = plot.feature(i, 1);
        }
      }
      String name = plot.classNames().get(k);
      XYSeries s = chart.addSeries(name, x1, x2);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setMarker(new Dot(Dot.Shape.CIRCLE, scale, Color.WHITE, false));
      s.setMarkerColor(Theme.color(k));
      placed.add(new Drawable(name, x1, x2));
      labels.add(name);
    }
    List<Boolean> isLine = new ArrayList<>();
    placed.forEach(d -> isLine.add(false));
    if (!placed.isEmpty()) {
      chart.getStyler().setLegendPosition(
          LegendPlacement.chooseInBox(placed, isLine, labels, plot.box(), chart.getWidth() - 110,
              chart.getHeight() - 110));
    }
  }

  /** Which examples have two finite features; notes how many do not. */
  private static boolean[] finiteExamples(DecisionPlot plot, List<String> notes) {
    int m = plot.labels().length;
    boolean[] finite = new boolean[m];
    int first = -1;
    int left = 0;
    for (int i = 0; i < m; i++) {
      finite[i] = Double.isFinite(plot.feature(i, 0)) && Double.isFinite(plot.feature(i, 1));
      if (!finite[i]) {
        first = first < 0 ? i : first;
        left++;
      }
    }
    if (left > 0) {
      notes.add(
          left + " of " + m + " examples not drawn (non-finite feature, first at example " + first
              + ")");
    }
    return finite;
  }

  /** One pixel per screen pixel: the class with the highest interpolated probability. */
  private static BufferedImage regions(Grid grid, double[][] p, Rectangle area) {
    int classes = p.length;
    BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
    // one int 0xRRGGBB per pixel, rows of exactly area.width: written in place (setRGB converts
    // each pixel through the colour model, which was most of a cold start's figure)
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] tints = new int[classes * 64];
    for (int k = 0; k < classes; k++) {
      for (int level = 0; level < 64; level++) {
        double t = TINT_UNSURE + (TINT_SURE - TINT_UNSURE) * level / 63.0;
        tints[k * 64 + level] = Theme.mix(Color.WHITE, Theme.color(k), t).getRGB() & 0xffffff;
      }
    }
    int missing = MISSING.getRGB() & 0xffffff;
    double[] u = new double[area.width];
    for (int px = 0; px < area.width; px++) {
      u[px] = (px + 0.5) / area.width * (grid.n - 1);
    }
    for (int py = 0; py < area.height; py++) {
      double v = (area.height - py - 0.5) / area.height * (grid.n - 1);
      int row = py * area.width;
      for (int px = 0; px < area.width; px++) {
        int best = -1;
        double bestP = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
          double pk = grid.interpolate(p[k], u[px], v);
          if (pk > bestP) {
            best = k;
            bestP = pk;
          }
        }
        if (best < 0) {
          pixels[row + px] = missing;
          continue;
        }
        // certainty: 0 when all classes are equally likely, 1 when one has probability 1
        double certainty = (bestP - 1.0 / classes) / (1 - 1.0 / classes);
        int level = (int) Math.round(63 * Math.max(0, Math.min(1, certainty)));
        pixels[row + px] = tints[best * 64 + level];
      }
    }
    return image;
  }

  /**
   * The boundary of class k is where its probability equals the best other class's: the zero
   * level of p_k − max_{j≠k} p_j. For two classes one line is enough.
   */
  private static void drawBoundaries(BufferedImage under, Grid grid, double[][] p) {
    int classes = p.length;
    Graphics2D g = Theme.graphics(under);
    g.setColor(BOUNDARY);
    g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double sx = under.getWidth() / (double) (grid.n - 1);
    double sy = under.getHeight() / (double) (grid.n - 1);
    // the best and second-best probability at each grid point, once: the best other class of k
    // is then one of the two, which keeps K classes at O(K) passes over the grid, not O(K²)
    int[] best = new int[grid.size()];
    double[] first = new double[grid.size()];
    double[] second = new double[grid.size()];
    java.util.Arrays.fill(first, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(second, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < classes; j++) {
      for (int q = 0; q < best.length; q++) {
        double v = p[j][q];
        if (v > first[q]) {
          second[q] = first[q];
          first[q] = v;
          best[q] = j;
        } else if (v > second[q]) {
          second[q] = v;
        }
      }
    }
    double[] margin = new double[grid.size()];
    for (int k = classes == 2 ? 1 : 0; k < classes; k++) {
      for (int q = 0; q < margin.length; q++) {
        margin[q] = p[k][q] - (best[q] == k ? second[q] : first[q]);
      }
      double[] s = Contours.segments(grid, margin, 0);
      for (int i = 0; i < s.length; i += 4) {
        g.draw(
            new Line2D.Double(
                s[i] * sx, under.getHeight() - s[i + 1] * sy,
                s[i + 2] * sx, under.getHeight() - s[i + 3] * sy));
      }
    }
    g.dispose();
  }
}
