package dev.descent.data;

import dev.descent.tensor.Rng;

/**
 * The order of examples for one epoch, cut into mini-batches: shuffled by a seeded generator
 * each epoch, partitioned into batches of {@code batchSize}, the last one holding the remainder.
 * Batch size m is batch gradient descent, 1 is stochastic.
 *
 * <p>With a {@code minimumSize} (2 for batch norm, whose statistics need two examples), a
 * remainder smaller than it joins the batch before it: m = 129 in batches of 64 gives 64 and 65,
 * not 64, 64 and 1. A whole batch smaller than the minimum (batch size 1, or m = 1) stays as it
 * is, so the layer that needs more examples says so.
 *
 * <pre>{@code
 * MiniBatches b = new MiniBatches(129, 64, 2, Rng.of(1));
 * b.count();   // 2
 * b.size(1);   // 65
 * }</pre>
 */
public final class MiniBatches {
  private final int m;
  private final int batchSize;
  private final int count;
  private final int[] order;
  private final Rng rng;
  private final ShuffleOrder shuffleOrder;
  private final int[] blockOrder;
  private final java.util.function.LongFunction<Rng> epochRngs;
  private long epochs;

  public MiniBatches(int m, int batchSize, Rng rng) {
    this(m, batchSize, 1, rng);
  }

  /** Batches of {@code batchSize}; a last partial batch smaller than {@code minimumSize} joins the one before. */
  public MiniBatches(int m, int batchSize, int minimumSize, Rng rng) {
    this(m, batchSize, minimumSize, ShuffleOrder.UNIFORM, rng);
  }

  /** As above, each epoch ordered by {@code shuffleOrder} (uniformly, or by blocks for a mapped file). */
  public MiniBatches(int m, int batchSize, int minimumSize, ShuffleOrder shuffleOrder, Rng rng) {
    this(m, batchSize, minimumSize, shuffleOrder, rng, null);
  }

  /**
   * Uniform batches whose every epoch e (0-based) is a fresh permutation of 0 … m−1 drawn from
   * {@code epochRngs.apply(e)}: the course's {@code np.random.seed(s); np.random.permutation(m)}.
   */
  public static MiniBatches reseeded(int m, int batchSize, int minimumSize, java.util.function.LongFunction<Rng> epochRngs) {
    return new MiniBatches(m, batchSize, minimumSize, ShuffleOrder.UNIFORM, null, java.util.Objects.requireNonNull(epochRngs));
  }

  private MiniBatches(int m, int batchSize, int minimumSize, ShuffleOrder shuffleOrder, Rng rng,
      java.util.function.LongFunction<Rng> epochRngs) {
    this.epochRngs = epochRngs;
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + ": must be at least 1");
    }
    if (minimumSize < 1) {
      throw new IllegalArgumentException("minimum batch size " + minimumSize + ": must be at least 1");
    }
    this.m = m;
    this.batchSize = Math.min(batchSize, m);
    int full = this.batchSize == 0 ? 0 : m / this.batchSize;
    int rest = m - full * this.batchSize;
    this.count = full + (rest > 0 && !(rest < minimumSize && full > 0) ? 1 : 0);
    this.order = new int[m];
    this.rng = rng;
    this.shuffleOrder = shuffleOrder;
    this.blockOrder = shuffleOrder.isUniform() ? null : new int[(int) ((m + (long) shuffleOrder.blockSize() - 1) / shuffleOrder.blockSize())];
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
    if (batchSize >= m) {
      return;
    }
    if (epochRngs != null) {
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      epochRngs.apply(epochs++).shuffle(order);
    } else if (blockOrder == null) {
      rng.shuffle(order);
    } else {
      shuffleBlocks();
    }
  }

  /** A new order from the examples' own: blocks in a random order, shuffled a window of blocks at a time. */
  private void shuffleBlocks() {
    int blockSize = shuffleOrder.blockSize();
    int window = shuffleOrder.window();
    for (int b = 0; b < blockOrder.length; b++) {
      blockOrder[b] = b;
    }
    rng.shuffle(blockOrder);
    int at = 0;
    for (int w = 0; w < blockOrder.length; w += window) {
      int windowStart = at;
      for (int b = w, end = Math.min(blockOrder.length, w + window); b < end; b++) {
        int first = (int) ((long) blockOrder[b] * blockSize);
        int last = (int) Math.min(m, (long) first + blockSize);
        for (int p = first; p < last; p++) {
          order[at++] = p;
        }
      }
      rng.shuffle(order, windowStart, at);
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
    return count;
  }

  /** The size of batch {@code batch}: {@code batchSize}, less for the remainder, more when it was folded in. */
  public int size(int batch) {
    return batch == count - 1 ? m - batch * batchSize : batchSize;
  }

  public int start(int batch) {
    return batch * batchSize;
  }
}
