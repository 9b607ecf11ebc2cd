package dev.descent.train;

/**
 * How long and on what batches to train.
 *
 * @param epochs passes over the training set (≥ 1)
 * @param batchSize examples per step; 0 means the whole training set (batch gradient descent),
 *     1 is stochastic gradient descent; default 64
 * @param seed seeds the per-epoch shuffle
 * @param evaluateDev whether to compute the dev cost and accuracy after every epoch
 * @param shuffle how each epoch's order is drawn from {@code seed}; {@link EpochShuffle#STREAM} by default
 */
public record TrainingConfig(int epochs, int batchSize, long seed, boolean evaluateDev, EpochShuffle shuffle) {
  public static final int FULL_BATCH = 0;

  /** With Descent's shuffle, {@link EpochShuffle#STREAM}. */
  public TrainingConfig(int epochs, int batchSize, long seed, boolean evaluateDev) {
    this(epochs, batchSize, seed, evaluateDev, EpochShuffle.STREAM);
  }

  /** How the trainer orders the examples of each epoch. */
  public enum EpochShuffle {
    /** One SplitMix64 stream forked from the seed; each epoch reshuffles the last epoch's order. */
    STREAM,
    /**
     * The course's {@code random_mini_batches}: before epoch e (0-based) numpy's generator is
     * reseeded with {@code seed + e + 1}, and the order is a fresh {@code np.random.permutation(m)}.
     */
    NUMPY_RESEEDED
  }

  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + ": must be at least 1");
    }
    java.util.Objects.requireNonNull(shuffle, "shuffle");
    if (batchSize < 0) {
      throw new IllegalArgumentException("batch size = " + batchSize + ": must be at least 1 (or 0 for the full batch)");
    }
  }

  public static TrainingConfig of(int epochs) {
    return new TrainingConfig(epochs, 64, 1, true);
  }

  public TrainingConfig withBatchSize(int size) {
    return new TrainingConfig(epochs, size, seed, evaluateDev, shuffle);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(epochs, batchSize, s, evaluateDev, shuffle);
  }
}
