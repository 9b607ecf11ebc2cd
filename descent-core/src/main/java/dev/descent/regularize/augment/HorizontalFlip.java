package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * Mirrors each image left to right with probability {@code probability} (default 0.5), drawn
 * per row: one {@code rng.nextDouble()} each, flipped when below the probability. For images
 * whose meaning survives a mirror (cats, not digits or text).
 *
 * <pre>{@code
 * HorizontalFlip.of(new ImageLayout(64, 64, 3)).apply(batch, rng);
 * }</pre>
 */
public record HorizontalFlip(ImageLayout layout, double probability) implements Augmentation {
  public HorizontalFlip {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("flip probability = " + probability + ": must be in [0, 1]; the usual value is 0.5");
    }
  }

  /** Flips half of the images. */
  public static HorizontalFlip of(ImageLayout layout) {
    return new HorizontalFlip(layout, 0.5);
  }

  @Override
  public void apply(Matrix features, Rng rng) {
    layout.requireRows(features);
    for (int i = 0, m = features.rows(); i < m; i++) {
      if (rng.nextDouble() < probability) {
        layout.flip(features, i);
      }
    }
  }
}
