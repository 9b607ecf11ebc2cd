package dev.descent.data;

import dev.descent.tensor.Rng;

/**
 * The order of examples for one epoch, cut into mini-batches: shuffled by a seeded generator
 * each epoch, partitioned into batches of {@code batchSize}, the last one holding the remainder.
 * Batch size m is batch gradient descent, 1 is stochastic.
 */
public final class MiniBatches {
  private final int m;
  private final int batchSize;
  private final int[] order;
  private final Rng rng;

  public MiniBatches(int m, int batchSize, Rng rng) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + ": must be at least 1");
    }
    this.m = m;
    this.batchSize = Math.min(batchSize, m);
    this.order = new int[m];
    this.rng = rng;
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
  }

  /** Sizes of the batches of m examples: full batches, then the remainder, if any. */
  public static int[] sizes(int m, int batchSize) {
    int full = m / batchSize;
    int rest = m % batchSize;
    int[] sizes = new int[full + (rest > 0 ? 1 : 0)];
    java.util.Arrays.fill(sizes, 0, full, batchSize);
    if (rest > 0) {
      sizes[full] = rest;
    }
    return sizes;
  }

  /** Reshuffles for a new epoch (a no-op for full-batch training, where order does not matter). */
  public void shuffle() {
    if (batchSize < m) {
      rng.shuffle(order);
    }
  }

  /** The example order of the current epoch; batch b covers {@code [b·batchSize, …)}. */
  public int[] order() {
    return order;
  }

  public int batchSize() {
    return batchSize;
  }

  public int count() {
    return (m + batchSize - 1) / batchSize;
  }

  public int size(int batch) {
    return Math.min(batchSize, m - batch * batchSize);
  }

  public int start(int batch) {
    return batch * batchSize;
  }
}
