package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * Random crop with zero padding: pads each image with {@code pad} zero pixels on every side and
 * crops a window of the original size at a random offset (oy, ox), each uniform in [0, 2·pad]
 * and drawn per row in that order with {@code rng.nextInt(2·pad + 1)}. Pixel (y, x) becomes the
 * old (y + oy − pad, x + ox − pad), or 0 outside the image: the content moves by
 * (pad − oy, pad − ox). CIFAR-style training uses pad 4 on 32 × 32 images.
 *
 * <pre>{@code
 * new RandomCrop(new ImageLayout(32, 32, 3), 4).apply(batch, rng);
 * }</pre>
 */
public record RandomCrop(ImageLayout layout, int pad) implements Augmentation {
  public RandomCrop {
    int limit = Math.min(layout.height(), layout.width());
    if (pad < 1 || pad >= limit) {
      throw new IllegalArgumentException("crop pad = " + pad + ": must be in [1, " + (limit - 1) + "] for "
          + layout + " images (at least 1 pixel, less than the smaller side)");
    }
  }

  @Override
  public void apply(Matrix features, Rng rng) {
    layout.requireRows(features);
    for (int i = 0, m = features.rows(); i < m; i++) {
      int oy = rng.nextInt(2 * pad + 1);
      int ox = rng.nextInt(2 * pad + 1);
      layout.shift(features, i, pad - oy, pad - ox, ImageLayout.Fill.ZERO);
    }
  }
}
