package dev.descent.regularize;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * Where dropout's keep masks come from: 1 keeps a unit, 0 drops it. {@link #bernoulli()} draws a
 * fresh mask on every training forward pass, from the plan's seeded generator; {@link
 * #fixed(Matrix)} replays a given mask, for golden tests and the course lab's {@code D1}, {@code D2}.
 *
 * <pre>{@code
 * Dropout.keep(0.8).withMasks(MaskSource.fixed(d1));   // always drops the units where d1 is 0
 * }</pre>
 */
@FunctionalInterface
public interface MaskSource {

  /** Overwrites {@code mask} (m × n, the activations' shape) with 1 (keep) or 0 (drop). */
  void fill(Matrix mask, double keepProb, Rng rng);

  /** The default: each unit is kept independently with probability keepProb, drawn from {@code rng}. */
  static MaskSource bernoulli() {
    return Bernoulli.INSTANCE;
  }

  /** Always the given mask (copied now); its entries must be 0 or 1 and its shape the activations'. */
  static MaskSource fixed(Matrix mask) {
    return new Fixed(mask);
  }

  /** See {@link #bernoulli()}. */
  enum Bernoulli implements MaskSource {
    INSTANCE;

    @Override
    public void fill(Matrix mask, double keepProb, Rng rng) {
      for (int k = 0, n = mask.size(); k < n; k++) {
        mask.setFlat(k, rng.nextDouble() < keepProb ? 1 : 0);
      }
    }

    @Override
    public String toString() {
      return "bernoulli";
    }
  }

  /** See {@link #fixed(Matrix)}. */
  final class Fixed implements MaskSource {
    private final Matrix mask;

    Fixed(Matrix mask) {
      for (int i = 0; i < mask.rows(); i++) {
        for (int j = 0; j < mask.cols(); j++) {
          double v = mask.get(i, j);
          if (v != 0 && v != 1) {
            throw new IllegalArgumentException("fixed dropout mask: entry [" + i + ", " + j + "] = " + v
                + ": must be 0 (drop) or 1 (keep)");
          }
        }
      }
      this.mask = mask.copy();
    }

    @Override
    public void fill(Matrix target, double keepProb, Rng rng) {
      if (!target.sameShape(mask)) {
        throw new IllegalArgumentException("fixed dropout mask is " + mask.shape() + " but the layer's activations are "
            + target.shape() + "; give a mask of m rows (the batch) × the layer's units");
      }
      target.copyFrom(mask);
    }

    @Override
    public String toString() {
      return "fixed " + mask.shape();
    }
  }
}
