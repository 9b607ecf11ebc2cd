package dev.descent.data;

/**
 * How {@link MiniBatches} orders the examples of each epoch. {@link #UNIFORM} is a Fisher–Yates
 * shuffle of the whole set: every order equally likely, and for a resident set the only order
 * there is. {@link #blocks} is for examples read from a file larger than memory, where a uniform
 * order would turn every batch into random page faults: the set is cut into blocks of {@code
 * blockSize} consecutive positions, the blocks are visited in a seeded random order, and the
 * positions within every {@code window} consecutive blocks of that order are shuffled together
 * (a shuffle buffer, as tf.data's {@code shuffle(buffer)} after {@code interleave} over file
 * blocks). Every example is still visited exactly once per epoch.
 *
 * <pre>{@code
 * ShuffleOrder.blocks(4096, 16);   // mixes 65 536 examples at a time, reads 4 096 in a row
 * }</pre>
 */
public record ShuffleOrder(int blockSize, int window) {
  /** One block holding everything: a uniform shuffle. */
  public static final ShuffleOrder UNIFORM = new ShuffleOrder(Integer.MAX_VALUE, 1);

  public ShuffleOrder {
    if (blockSize < 1 || window < 1) {
      throw new IllegalArgumentException("shuffle blocks of " + blockSize + " examples, a window of " + window
          + " blocks: both must be at least 1");
    }
  }

  public static ShuffleOrder blocks(int blockSize, int window) {
    return new ShuffleOrder(blockSize, window);
  }

  public boolean isUniform() {
    return blockSize == Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return isUniform() ? "uniform" : "blocks of " + blockSize + " examples, shuffled " + window + " blocks at a time";
  }
}
