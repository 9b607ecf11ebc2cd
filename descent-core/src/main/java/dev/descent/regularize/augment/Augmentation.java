package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.util.List;

/**
 * Data augmentation: rewrites a training mini-batch's features in place (one example per row)
 * with random transformations drawn from a seeded generator, so the network sees a slightly
 * different copy of each example every epoch. A regularizer: apply it to training batches only,
 * never to dev or test data. Implementations allocate nothing per batch.
 *
 * <pre>{@code
 * ImageLayout layout = new ImageLayout(28, 28, 1);
 * Augmentation aug = Augmentation.chain(HorizontalFlip.of(layout), new RandomCrop(layout, 2));
 * aug.apply(batch, rng.fork("augment", epoch));
 * }</pre>
 */
@FunctionalInterface
public interface Augmentation {

  /** Transforms every row of {@code features} in place, drawing from {@code rng}. */
  void apply(Matrix features, Rng rng);

  /** The given augmentations in turn. */
  static Augmentation chain(Augmentation... steps) {
    List<Augmentation> all = List.of(steps);
    return (features, rng) -> {
      for (Augmentation a : all) {
        a.apply(features, rng);
      }
    };
  }
}
