package dev.descent.cli.plot;

import java.awt.Color;

/**
 * Colours for values in [0, 1], interpolated linearly between anchor colours: {@link #VIRIDIS}
 * (matplotlib's default, perceptually uniform and readable in grey) for surfaces and {@link
 * #BLUES} (white to dark blue) for counts.
 */
final class Colormap {
  static final Colormap VIRIDIS =
      new Colormap(
          0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58,
          0xb5de2b, 0xfde725);
  static final Colormap BLUES =
      new Colormap(0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x084594);

  private final Color[] anchors;

  private Colormap(int... rgb) {
    anchors = new Color[rgb.length];
    for (int k = 0; k < rgb.length; k++) {
      anchors[k] = new Color(rgb[k]);
    }
  }

  /** The colour at {@code t}, clamped to [0, 1]. */
  Color at(double t) {
    double position = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
    int k = Math.min((int) position, anchors.length - 2);
    return Theme.mix(anchors[k], anchors[k + 1], position - k);
  }
}
