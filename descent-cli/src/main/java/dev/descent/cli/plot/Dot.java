package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A marker XChart lacks: a filled circle or square with a thin outline, so that points stay
 * visible on a coloured background, and a size relative to the chart's marker size (XChart has
 * one size for all series).
 */
final class Dot extends Marker {
  enum Shape {
    CIRCLE,
    SQUARE
  }

  private final Shape shape;
  private final double scale;
  private final Color outline;
  private final boolean hollow;

  /** {@code outline} null for none; {@code hollow} fills with white and strokes the colour. */
  Dot(Shape shape, double scale, Color outline, boolean hollow) {
    this.shape = shape;
    this.scale = scale;
    this.outline = outline;
    this.hollow = hollow;
  }

  static Dot plain(double scale) {
    return new Dot(Shape.CIRCLE, scale, null, false);
  }

  @Override
  public void paint(Graphics2D g, double x, double y, int markerSize) {
    double size = markerSize * scale;
    double half = size / 2;
    java.awt.Shape s =
        shape == Shape.CIRCLE
            ? new Ellipse2D.Double(x - half, y - half, size, size)
            : new Rectangle2D.Double(x - half, y - half, size, size);
    Color color = g.getColor();
    if (hollow) {
      g.setColor(Color.WHITE);
      g.fill(s);
      g.setColor(color);
      g.setStroke(new BasicStroke((float) Math.max(1.5, size / 5)));
      g.draw(s);
      return;
    }
    g.fill(s);
    if (outline != null) {
      g.setColor(outline);
      g.setStroke(new BasicStroke(1f));
      g.draw(s);
      g.setColor(color);
    }
  }
}
