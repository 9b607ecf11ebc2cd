package dev.descent.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ConfusionPlot} with Java2D: a square grid of cells coloured white to dark blue
 * by their share of the row, count and percentage written in each (white text on dark cells),
 * class names on both axes (column names turned 45° when they do not fit), a colour bar and the
 * accuracy as subtitle. XChart's heat map writes one value per cell in one text colour, which is
 * unreadable on dark cells, hence Java2D.
 */
final class ConfusionRenderer {
  private static final int PAD = 14;
  private static final int BAR_WIDTH = 16;
  private static final Font SUBTITLE = Theme.font(Font.PLAIN, 12);
  private static final Font LABELS = Theme.font(Font.PLAIN, 12);

  private ConfusionRenderer() {}

  /** Beyond this many classes names and counts cannot be read: the matrix is drawn as a bare heat map. */
  static final int MAX_LABELLED = 50;

  static Figure draw(ConfusionPlot plot, int width, int height) {
    int k = plot.classNames().size();
    if (k > MAX_LABELLED) {
      return drawBare(plot, width, height);
    }
    BufferedImage image = Theme.canvas(width, height);
    Graphics2D g = Theme.graphics(image);
    List<String> names = shortened(plot.classNames(), g.getFontMetrics(LABELS), width / 4);

    int top = drawTitles(g, plot, width);
    FontMetrics labels = g.getFontMetrics(LABELS);
    FontMetrics axis = g.getFontMetrics(Theme.AXIS_TITLE);
    FontMetrics ticks = g.getFontMetrics(Theme.TICKS);
    int rowLabels = widest(names, labels);
    int left = PAD + axis.getHeight() + 8 + rowLabels + 8;
    int right = PAD + 12 + BAR_WIDTH + 6 + ticks.stringWidth("100%");
    int axisBelow = 8 + axis.getHeight() + PAD;
    int horizontal = labels.getHeight() + 6;
    int side = Math.min(width - left - right, height - top - horizontal - axisBelow);
    boolean turned = rowLabelsTooWide(names, labels, side / k);
    if (turned) {
      int below = (int) Math.ceil(rowLabels * Math.sqrt(0.5) + labels.getAscent()) + 6;
      side = Math.min(width - left - right, height - top - below - axisBelow);
    }
    if (side < 2 * k) {
      throw new IllegalArgumentException(
          "figure " + width + "×" + height + " pixels is too small for a " + k + "×" + k
              + " confusion matrix; use a larger figure");
    }
    int cell = side / k;
    side = cell * k;
    int x0 = left + (width - left - right - side) / 2;
    int y0 = top;

    drawCells(g, plot, x0, y0, cell);
    drawClassNames(g, names, x0, y0, cell, turned);
    int labelsBelow =
        turned ? (int) Math.ceil(rowLabels * Math.sqrt(0.5) + labels.getAscent()) + 6 : horizontal;
    drawAxisTitles(g, x0, y0, side, labelsBelow, rowLabels);
    drawColourBar(g, x0 + side + 12, y0, side);
    g.dispose();
    return new Figure(image, List.of());
  }

  /**
   * A heat map of many classes: one pixel per cell (scaled to the figure, nearest neighbour, so
   * that a matrix larger than the figure is still drawn whole), no names and no counts, the axes
   * numbered by class index. The diagonal is the correct predictions.
   */
  private static Figure drawBare(ConfusionPlot plot, int width, int height) {
    BufferedImage image = Theme.canvas(width, height);
    Graphics2D g = Theme.graphics(image);
    int k = plot.classNames().size();
    int top = drawTitles(g, plot, width);
    FontMetrics axis = g.getFontMetrics(Theme.AXIS_TITLE);
    FontMetrics ticks = g.getFontMetrics(Theme.TICKS);
    int left = PAD + axis.getHeight() + 8 + ticks.stringWidth(Integer.toString(k - 1)) + 8;
    int right = PAD + 12 + BAR_WIDTH + 6 + ticks.stringWidth("100%");
    int below = ticks.getHeight() + 6;
    int side = Math.max(1, Math.min(width - left - right, height - top - below - 8 - axis.getHeight() - PAD));
    BufferedImage cells = new BufferedImage(k, k, BufferedImage.TYPE_INT_RGB);
    for (int t = 0; t < k; t++) {
      long row = plot.rowTotal(t);
      for (int p = 0; p < k; p++) {
        cells.setRGB(p, t, Colormap.BLUES.at(row == 0 ? 0 : (double) plot.count(t, p) / row).getRGB());
      }
    }
    int x0 = left + (width - left - right - side) / 2;
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(cells, x0, top, side, side, null);
    g.setColor(Theme.FRAME);
    g.drawRect(x0, top, side, side);
    g.setFont(Theme.TICKS);
    g.setColor(Theme.SOFT_INK);
    for (int index : new int[] {0, k - 1}) {
      double centre = (index + 0.5) * side / k;
      String text = Integer.toString(index);
      g.drawString(text, (float) (x0 + centre - ticks.stringWidth(text) / 2.0), top + side + 4 + ticks.getAscent());
      g.drawString(text, x0 - 6 - ticks.stringWidth(text), (float) (top + centre + ticks.getAscent() / 2.0));
    }
    drawAxisTitles(g, x0, top, side, below, ticks.stringWidth(Integer.toString(k - 1)));
    drawColourBar(g, x0 + side + 12, top, side);
    g.dispose();
    return new Figure(image, List.of(k + " classes: too many to name and count in the figure; the counts are in"
        + " the JSON (\"confusion\") and the largest confusions in the summary"));
  }

  /** Title and accuracy line; returns the y where the matrix may start. */
  private static int drawTitles(Graphics2D g, ConfusionPlot plot, int width) {
    int y = PAD;
    if (!plot.title().isBlank()) {
      g.setFont(Theme.TITLE);
      g.setColor(Theme.INK);
      FontMetrics m = g.getFontMetrics();
      y += m.getAscent();
      g.drawString(plot.title(), (width - m.stringWidth(plot.title())) / 2, y);
      y += m.getDescent() + 4;
    }
    long total = plot.total();
    String accuracy =
        total == 0
            ? "no examples"
            : String.format(
                Locale.ROOT, "accuracy %.1f%% (%,d of %,d)", 100.0 * plot.correct() / total,
                plot.correct(), total);
    g.setFont(SUBTITLE);
    g.setColor(Theme.SOFT_INK);
    FontMetrics m = g.getFontMetrics();
    y += m.getAscent();
    g.drawString(accuracy, (width - m.stringWidth(accuracy)) / 2, y);
    return y + m.getDescent() + 12;
  }

  private static void drawCells(Graphics2D g, ConfusionPlot plot, int x0, int y0, int cell) {
    int k = plot.classNames().size();
    float countSize = (float) Math.max(9, Math.min(18, cell * 0.22));
    Font countFont = Theme.font(Font.BOLD, countSize);
    Font shareFont = Theme.font(Font.PLAIN, countSize * 0.78f);
    // NOTE: below about 8 points the percentages cannot be read; the colour still shows them
    boolean room = cell >= 2.8 * countSize && countSize * 0.78 >= 8;
    for (int t = 0; t < k; t++) {
      long row = plot.rowTotal(t);
      for (int p = 0; p < k; p++) {
        long count = plot.count(t, p);
        double share = row == 0 ? 0 : (double) count / row;
        Color fill = Colormap.BLUES.at(share);
        int x = x0 + p * cell;
        int y = y0 + t * cell;
        g.setColor(fill);
        g.fillRect(x, y, cell, cell);
        Color text = Theme.luminance(fill) < 0.55 ? Color.WHITE : Theme.INK;
        if (count == 0) {
          text = Theme.mix(Theme.SOFT_INK, Color.WHITE, 0.35);
        }
        String countText = String.format(Locale.ROOT, "%,d", count);
        String shareText = row == 0 ? "–" : percent(share);
        if (room && count > 0) {
          centred(g, countText, countFont, text, x + cell / 2.0, y + cell * 0.44);
          centred(g, shareText, shareFont, text, x + cell / 2.0, y + cell * 0.70);
        } else {
          centred(g, countText, countFont, text, x + cell / 2.0, y + cell / 2.0);
        }
      }
    }
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(1f));
    for (int q = 1; q < k; q++) {
      g.drawLine(x0 + q * cell, y0, x0 + q * cell, y0 + k * cell);
      g.drawLine(x0, y0 + q * cell, x0 + k * cell, y0 + q * cell);
    }
    g.setColor(Theme.FRAME);
    g.drawRect(x0, y0, k * cell, k * cell);
  }

  private static String percent(double share) {
    double p = 100 * share;
    return p > 0 && p < 1 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", p);
  }

  private static void drawClassNames(
      Graphics2D g, List<String> names, int x0, int y0, int cell, boolean turned) {
    g.setFont(LABELS);
    g.setColor(Theme.INK);
    FontMetrics m = g.getFontMetrics();
    int k = names.size();
    int side = k * cell;
    for (int t = 0; t < k; t++) {
      String name = names.get(t);
      int y = y0 + t * cell + cell / 2 + (m.getAscent() - m.getDescent()) / 2;
      g.drawString(name, x0 - 8 - m.stringWidth(name), y);
    }
    for (int p = 0; p < k; p++) {
      String name = names.get(p);
      double cx = x0 + p * cell + cell / 2.0;
      if (!turned) {
        g.drawString(name, (float) (cx - m.stringWidth(name) / 2.0), y0 + side + 6 + m.getAscent());
        continue;
      }
      AffineTransform saved = g.getTransform();
      g.translate(cx + m.getAscent() / 2.0, y0 + side + 6);
      g.rotate(-Math.PI / 4);
      g.drawString(name, -m.stringWidth(name), m.getAscent() / 2f);
      g.setTransform(saved);
    }
  }

  private static void drawAxisTitles(
      Graphics2D g, int x0, int y0, int side, int labelsBelow, int rowLabels) {
    g.setFont(Theme.AXIS_TITLE);
    g.setColor(Theme.INK);
    FontMetrics m = g.getFontMetrics();
    String predicted = "predicted class";
    g.drawString(
        predicted, x0 + (side - m.stringWidth(predicted)) / 2,
        y0 + side + labelsBelow + 8 + m.getAscent());
    String actual = "true class";
    AffineTransform saved = g.getTransform();
    g.translate(x0 - 8 - rowLabels - 8 - m.getDescent(), y0 + side / 2.0);
    g.rotate(-Math.PI / 2);
    g.drawString(actual, -m.stringWidth(actual) / 2f, 0);
    g.setTransform(saved);
  }

  private static void drawColourBar(Graphics2D g, int x, int y, int height) {
    for (int py = 0; py < height; py++) {
      g.setColor(Colormap.BLUES.at(1 - (py + 0.5) / height));
      g.fillRect(x, y + py, BAR_WIDTH, 1);
    }
    g.setColor(Theme.FRAME);
    g.drawRect(x, y, BAR_WIDTH - 1, height - 1);
    g.setFont(Theme.TICKS);
    FontMetrics m = g.getFontMetrics();
    for (int q = 0; q <= 4; q++) {
      int ty = (int) Math.round(y + height - 1 - q * (height - 1) / 4.0);
      g.setColor(Theme.FRAME);
      g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + 3, ty);
      g.setColor(Theme.SOFT_INK);
      g.drawString(q * 25 + "%", x + BAR_WIDTH + 6, ty + (m.getAscent() - m.getDescent()) / 2);
    }
  }

  private static void centred(Graphics2D g, String text, Font font, Color color, double cx,
      double cy) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics m = g.getFontMetrics();
    g.drawString(
        text, (float) (cx - m.stringWidth(text) / 2.0),
        (float) (cy + (m.getAscent() - m.getDescent()) / 2.0));
  }

  private static boolean rowLabelsTooWide(List<String> names, FontMetrics m, int cell) {
    return widest(names, m) > cell - 6;
  }

  private static int widest(List<String> names, FontMetrics m) {
    int widest = 0;
    for (String name : names) {
      widest = Math.max(widest, m.stringWidth(name));
    }
    return widest;
  }

  /** Names longer than {@code limit} pixels end in "…" so the matrix keeps its room. */
  private static List<String> shortened(List<String> names, FontMetrics m, int limit) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String s = name;
      while (m.stringWidth(s) > limit && s.length() > 1) {
        s = s.substring(0, s.length() - 2) + "…";
      }
      out.add(s);
    }
    return out;
  }
}
