package dev.descent.cli.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Where the legend goes: inside the plot, in the first empty corner (top right, top left,
 * bottom left, bottom right), or outside on the right when every corner has data under it. A
 * legend over a curve hides it; a legend outside always costs plot width, so inside is
 * preferred when it is free, as matplotlib's {@code loc="best"} does.
 */
final class LegendPlacement {
  /** XChart's default: data fill the middle 92% of the plot, 4% margin on each side. */
  private static final double CONTENT = 0.92;

  private static final LegendPosition[] CORNERS = {
    LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSW,
    LegendPosition.InsideSE
  };

  private LegendPlacement() {}

  /**
   * For a chart whose axes fit the data (XChart's default range and margins).
   *
   * @param curves drawn points; lines are sampled between points too, dots are not
   * @param labels the legend entries
   * @param plotWidth approximate plot width in pixels
   */
  static LegendPosition choose(
      List<Drawable> curves,
      List<Boolean> isLine,
      List<String> labels,
      boolean xLog,
      boolean yLog,
      double plotWidth,
      double plotHeight) {
    View view =
        new View(range(curves, true, xLog), range(curves, false, yLog), xLog, yLog, CONTENT);
    return choose(curves, isLine, labels, view, plotWidth, plotHeight);
  }

  /** For a chart whose linear axes are fixed to {@code box}, without margins. */
  static LegendPosition chooseInBox(
      List<Drawable> curves,
      List<Boolean> isLine,
      List<String> labels,
      Box box,
      double plotWidth,
      double plotHeight) {
    View view =
        new View(
            new double[] {box.xMin(), box.xMax()},
            new double[] {box.yMin(), box.yMax()},
            false,
            false,
            1.0);
    return choose(curves, isLine, labels, view, plotWidth, plotHeight);
  }

  /** How data map to the plot: ranges (of log10 values on log axes) and the content share. */
  private record View(double[] xr, double[] yr, boolean xLog, boolean yLog, double content) {
    /** Position across the plot, 0 at the left edge, 1 at the right. */
    double u(double x) {
      return position(x, xr, xLog);
    }

    /** Position up the plot, 0 at the bottom edge, 1 at the top. */
    double v(double y) {
      return position(y, yr, yLog);
    }

    private double position(double value, double[] range, boolean log) {
      double t = log ? Math.log10(value) : value;
      double span = range[1] - range[0];
      double inContent = span > 0 ? (t - range[0]) / span : 0.5;
      return (1 - content) / 2 + content * inContent;
    }
  }

  private static LegendPosition choose(
      List<Drawable> curves,
      List<Boolean> isLine,
      List<String> labels,
      View view,
      double plotWidth,
      double plotHeight) {
    double boxWidth = (legendWidth(labels) + 10) / plotWidth;
    double boxHeight = (labels.size() * 19 + 22) / plotHeight;
    if (boxWidth > 0.45 || boxHeight > 0.6) {
      return LegendPosition.OutsideE;
    }
    for (LegendPosition corner : CORNERS) {
      if (isFree(corner, curves, isLine, view, boxWidth, boxHeight)) {
        return corner;
      }
    }
    return LegendPosition.OutsideE;
  }

  private static boolean isFree(
      LegendPosition corner,
      List<Drawable> curves,
      List<Boolean> isLine,
      View view,
      double boxWidth,
      double boxHeight) {
    boolean right = corner == LegendPosition.InsideNE || corner == LegendPosition.InsideSE;
    boolean top = corner == LegendPosition.InsideNE || corner == LegendPosition.InsideNW;
    double x0 = right ? 1 - boxWidth : 0;
    double y0 = top ? 1 - boxHeight : 0;
    for (int c = 0; c < curves.size(); c++) {
      Drawable d = curves.get(c);
      int steps = isLine.get(c) ? 8 : 1;
      for (int i = 0; i < d.size(); i++) {
        double u1 = view.u(d.x()[i]);
        double v1 = view.v(d.y()[i]);
        double u0 = i > 0 && steps > 1 ? view.u(d.x()[i - 1]) : u1;
        double v0 = i > 0 && steps > 1 ? view.v(d.y()[i - 1]) : v1;
        for (int s = 1; s <= steps; s++) {
          double t = (double) s / steps;
          double u = u0 + t * (u1 - u0);
          double v = v0 + t * (v1 - v0);
          if (u >= x0 && u <= x0 + boxWidth && v >= y0 && v <= y0 + boxHeight) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static double[] range(List<Drawable> curves, boolean x, boolean log) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Drawable d : curves) {
      for (double value : x ? d.x() : d.y()) {
        double v = log ? Math.log10(value) : value;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new double[] {min, max};
  }

  private static double legendWidth(List<String> labels) {
    Font font = Theme.LEGEND;
    FontRenderContext context = new FontRenderContext(null, true, true);
    double widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, font.getStringBounds(label, context).getWidth());
    }
    return widest + 26 + 3 * 8;
  }
}
