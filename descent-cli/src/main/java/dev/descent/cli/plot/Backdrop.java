package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A picture under an XChart plot: XChart cannot fill regions of the plane, so the regions (or a
 * colour map) are drawn pixel by pixel into an image of exactly the plot area, and the chart is
 * painted over it with transparent backgrounds, keeping XChart's axes, titles, legend and
 * series. The plot area is found by painting the chart once and asking where the box corners
 * land.
 *
 * <pre>{@code
 * XYChart chart = Backdrop.chart(800, 500, "Regions", Axis.linear("x1"), Axis.linear("x2"), box);
 * chart.addSeries(...);                            // the data on top
 * Backdrop backdrop = Backdrop.locate(chart, box);
 * BufferedImage under = draw(backdrop.area());     // one pixel per screen pixel
 * BufferedImage figure = backdrop.compose(under, 800, 500);
 * }</pre>
 */
final class Backdrop {
  private static final Color CLEAR = new Color(255, 255, 255, 0);
  /** No legend shows it and a series name cannot contain a control character. */
  private static final String CORNERS = "\u0000box corners";

  private final XYChart chart;
  private final Rectangle area;

  private Backdrop(XYChart chart, Rectangle area) {
    this.chart = chart;
    this.area = area;
  }

  /**
   * A chart in the house style with its axes fixed to {@code box}, no margin, transparent
   * backgrounds and no grid; add the series, then {@link #locate} it.
   */
  static XYChart chart(int width, int height, String title, Axis x, Axis y, Box box) {
    XYChart chart = Theme.xyChart(width, height, title, x, y);
    // NOTE: XChart puts the ticks at the data values when they are equally spaced, and draws a
    // single tick when all share one y (a horizontal path), even with the axis range set; two
    // invisible points at the box corners, added first, make it use the range
    XYSeries corners =
        chart.addSeries(
            CORNERS, new double[] {box.xMin(), box.xMax()}, new double[] {box.yMin(), box.yMax()});
    corners.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    corners.setMarker(SeriesMarkers.NONE);
    corners.setShowInLegend(false);
    XYStyler s = chart.getStyler();
    s.setXAxisMin(box.xMin());
    s.setXAxisMax(box.xMax());
    s.setYAxisMin(box.yMin());
    s.setYAxisMax(box.yMax());
    s.setXAxisDecimalPattern(Theme.linearPattern(box.xMin(), box.xMax()));
    s.setYAxisDecimalPattern(Theme.linearPattern(box.yMin(), box.yMax()));
    s.setPlotContentSize(1.0);
    s.setPlotGridLinesVisible(false);
    s.setPlotBackgroundColor(CLEAR);
    s.setChartBackgroundColor(CLEAR);
    return chart;
  }

  /** Paints {@code chart} (made by {@link #chart}) once to find where {@code box} lands. */
  static Backdrop locate(XYChart chart, Box box) {
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
