package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * Small random shifts: moves each image by (dy, dx), each uniform in [−maxShift, maxShift] and
 * drawn per row in that order as {@code rng.nextInt(2·maxShift + 1) − maxShift}, filling the
 * uncovered border with the nearest edge pixel (Keras's "nearest" fill), so unlike {@link
 * RandomCrop} no black border appears.
 *
 * <pre>{@code
 * new RandomShift(new ImageLayout(28, 28, 1), 2).apply(batch, rng);
 * }</pre>
 */
public record RandomShift(ImageLayout layout, int maxShift) implements Augmentation {
  public RandomShift {
    int limit = Math.min(layout.height(), layout.width());
    if (maxShift < 1 || maxShift >= limit) {
      throw new IllegalArgumentException("maxShift = " + maxShift + ": must be in [1, " + (limit - 1) + "] for "
          + layout + " images (at least 1 pixel, less than the smaller side)");
    }
  }

  @Override
  public void apply(Matrix features, Rng rng) {
    layout.requireRows(features);
    for (int i = 0, m = features.rows(); i < m; i++) {
      int dy = rng.nextInt(2 * maxShift + 1) - maxShift;
      int dx = rng.nextInt(2 * maxShift + 1) - maxShift;
      layout.shift(features, i, dy, dx, ImageLayout.Fill.NEAREST);
    }
  }
}
