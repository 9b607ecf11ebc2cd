package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * The one look of every figure: white background, a light grid, a thin frame, sans-serif text
 * and the ten-colour "tab10" palette of matplotlib (what the course's notebooks show), so that
 * "adam" has the same colour in every plot of a report when series are given in the same order.
 */
final class Theme {
  static {
    // NOTE: must run before the first AWT class loads a toolkit: there is no display on servers
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final Color[] PALETTE = {
    new Color(0x1f77b4), // blue
    new Color(0xff7f0e), // orange
    new Color(0x2ca02c), // green
    new Color(0xd62728), // red
    new Color(0x9467bd), // purple
    new Color(0x8c564b), // brown
    new Color(0xe377c2), // pink
    new Color(0x7f7f7f), // grey
    new Color(0xbcbd22), // olive
    new Color(0x17becf), // cyan
  };

  static final Color INK = new Color(0x1a1a1a);
  static final Color SOFT_INK = new Color(0x4d4d4d);
  static final Color GRID = new Color(0xe9e9e9);
  static final Color FRAME = new Color(0xa8a8a8);
  static final Font TITLE = font(Font.BOLD, 16);
  static final Font AXIS_TITLE = font(Font.PLAIN, 13);
  static final Font TICKS = font(Font.PLAIN, 11);
  static final Font LEGEND = font(Font.PLAIN, 12);
  static final int MARKER_SIZE = 7;
  static final float LINE_WIDTH = 2f;

  private Theme() {}

  static Font font(int style, float size) {
    return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, size);
  }

  /** The palette colour of the i-th series (cycles after ten). */
  static Color color(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** {@code (1 − t)·a + t·b} per channel; t = 0 gives a. */
  static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
  }

  static Color withAlpha(Color c, double alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
  }

  /** Relative luminance in [0, 1] (sRGB weights, no gamma): picks black or white text. */
  static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  /** An XY chart with the house style; the caller adds series and sets axis ranges. */
  static XYChart xyChart(int width, int height, String title, Axis x, Axis y) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title);
    chart.setXAxisTitle(x.title());
    chart.setYAxisTitle(y.title());
    XYStyler s = chart.getStyler();
    s.setChartTitleVisible(!title.isBlank());
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(TITLE);
    s.setChartTitlePadding(10);
    s.setChartFontColor(INK);
    s.setChartBackgroundColor(Color.WHITE);
    s.setChartPadding(14);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(FRAME);
    s.setPlotGridLinesVisible(true);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setPlotTicksMarksVisible(false);
    s.setAxisTitleFont(AXIS_TITLE);
    s.setAxisTitlePadding(8);
    s.setAxisTickLabelsFont(TICKS);
    s.setAxisTickLabelsColor(SOFT_INK);
    s.setAxisTickMarksColor(FRAME);
    s.setAxisTickPadding(5);
    s.setAxisTicksLineVisible(false);
    s.setAxisTicksMarksVisible(false);
    s.setLegendFont(LEGEND);
    s.setLegendBorderColor(new Color(0xd0d0d0));
    s.setLegendBackgroundColor(withAlpha(Color.WHITE, 0.9));
    s.setLegendPadding(8);
    s.setLegendSeriesLineLength(26);
    s.setLegendPosition(LegendPosition.OutsideE);
    s.setSeriesColors(PALETTE);
    s.setMarkerSize(MARKER_SIZE);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
    s.setZoomEnabled(false);
    s.setCursorEnabled(false);
    return chart;
  }

  /**
   * A decimal pattern for tick labels of a linear axis over [low, high]: one digit finer than
   * a tenth of the span, with a leading zero (XChart's default writes ".05").
   */
  static String linearPattern(double low, double high) {
    double span = high > low ? high - low : Math.max(Math.abs(low), 1e-300);
    int decimals = (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(span / 10)) + 1));
    return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
  }

  /** A white canvas of the given size. */
  static BufferedImage canvas(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** Graphics with anti-aliased shapes and text. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    return g;
  }

  /** Paints {@code chart} on a white canvas of its size. */
  static BufferedImage paint(XYChart chart) {
    BufferedImage image = canvas(chart.getWidth(), chart.getHeight());
    Graphics2D g = graphics(image);
    chart.paint(g, chart.getWidth(), chart.getHeight());
    g.dispose();
    return image;
  }
}
