package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * Input noise for tabular data: adds {@code sd · N(0, 1)} to every feature, independently.
 * On standardized features an sd of 0.05 to 0.2 is typical.
 *
 * <pre>{@code
 * new GaussianNoise(0.1).apply(batch, rng);
 * }</pre>
 */
public record GaussianNoise(double sd) implements Augmentation {
  public GaussianNoise {
    if (!(sd > 0 && sd < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("noise sd = " + sd + ": must be a finite number > 0, e.g. 0.1 on standardized"
          + " features; to add no noise leave the augmentation out");
    }
  }

  @Override
  public void apply(Matrix features, Rng rng) {
    for (int k = 0, n = features.size(); k < n; k++) {
      features.setFlat(k, features.getFlat(k) + sd * rng.nextGaussian());
    }
  }
}
