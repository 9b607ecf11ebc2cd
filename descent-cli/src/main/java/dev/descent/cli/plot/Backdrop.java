package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * A picture under an XChart plot: XChart cannot fill regions of the plane, so the regions (or a
 * colour map) are drawn pixel by pixel into an image of exactly the plot area, and the chart is
 * painted over it with transparent backgrounds, keeping XChart's axes, titles, legend and
 * series. The plot area is found by painting the chart once and asking where the box corners
 * land.
 *
 * <pre>{@code
 * Backdrop backdrop = Backdrop.fit(chart, box);    // fixes the axes to the box
 * BufferedImage under = draw(backdrop.area());     // one pixel per screen pixel
 * BufferedImage figure = backdrop.compose(under);
 * }</pre>
 */
final class Backdrop {
  private static final Color CLEAR = new Color(255, 255, 255, 0);

  private final XYChart chart;
  private final Rectangle area;

  private Backdrop(XYChart chart, Rectangle area) {
    this.chart = chart;
    this.area = area;
  }

  /** Fixes the chart's axes to {@code box} (no margin) and locates the plot area. */
  static Backdrop fit(XYChart chart, Box box) {
    XYStyler s = chart.getStyler();
    s.setXAxisMin(box.xMin());
    s.setXAxisMax(box.xMax());
    s.setYAxisMin(box.yMin());
    s.setYAxisMax(box.yMax());
    s.setPlotContentSize(1.0);
    s.setPlotGridLinesVisible(false);
    s.setPlotBackgroundColor(CLEAR);
    s.setChartBackgroundColor(CLEAR);
    BufferedImage scratch = Theme.canvas(chart.getWidth(), chart.getHeight());
    Graphics2D g = Theme.graphics(scratch);
    chart.paint(g, chart.getWidth(), chart.getHeight());
    g.dispose();
    int left = (int) Math.round(chart.getScreenXFromChart(box.xMin()));
    int right = (int) Math.round(chart.getScreenXFromChart(box.xMax()));
    int top = (int) Math.round(chart.getScreenYFromChart(box.yMax()));
    int bottom = (int) Math.round(chart.getScreenYFromChart(box.yMin()));
    if (right - left < 10 || bottom - top < 10) {
      throw new IllegalArgumentException(
          "figure " + chart.getWidth() + "×" + chart.getHeight()
              + " pixels leaves a plot area of " + (right - left) + "×" + (bottom - top)
              + " after titles and legend; use a larger figure or shorter names");
    }
    return new Backdrop(chart, new Rectangle(left, top, right - left, bottom - top));
  }

  /** Where the box is drawn, in pixels of the figure: x to the right, y down. */
  Rectangle area() {
    return area;
  }

  /** The figure: white, then {@code under} in the plot area, then the chart. */
  BufferedImage compose(BufferedImage under, int width, int height) {
    BufferedImage image = Theme.canvas(width, height);
    Graphics2D g = Theme.graphics(image);
    g.drawImage(under, area.x, area.y, null);
    chart.paint(g, chart.getWidth(), chart.getHeight());
    // NOTE: XChart leaves out the plot border when the plot background is transparent
    g.setColor(Theme.FRAME);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(area.x, area.y, area.width - 1, area.height - 1);
    g.dispose();
    return image;
  }
}
