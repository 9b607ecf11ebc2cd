package dev.descent.train;

/**
 * How long and on what batches to train.
 *
 * @param epochs passes over the training set (≥ 1)
 * @param batchSize examples per step; 0 means the whole training set (batch gradient descent),
 *     1 is stochastic gradient descent; default 64
 * @param seed seeds the per-epoch shuffle
 * @param evaluateDev whether to compute the dev cost and accuracy after every epoch
 */
public record TrainingConfig(int epochs, int batchSize, long seed, boolean evaluateDev) {
  public static final int FULL_BATCH = 0;

  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + ": must be at least 1");
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("batch size = " + batchSize + ": must be at least 1 (or 0 for the full batch)");
    }
  }

  public static TrainingConfig of(int epochs) {
    return new TrainingConfig(epochs, 64, 1, true);
  }

  public TrainingConfig withBatchSize(int size) {
    return new TrainingConfig(epochs, size, seed, evaluateDev);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(epochs, batchSize, s, evaluateDev);
  }

  public TrainingConfig withEvaluateDev(boolean evaluate) {
    return new TrainingConfig(epochs, batchSize, seed, evaluate);
  }
}
