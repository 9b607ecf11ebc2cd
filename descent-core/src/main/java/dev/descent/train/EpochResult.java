package dev.descent.train;

/**
 * What one epoch gave: the mean training cost over its mini-batches (including cost terms) and,
 * when a dev set is evaluated, its cost and accuracy (NaN otherwise).
 */
public record EpochResult(int epoch, double trainCost, double devCost, double devAccuracy, long steps) {
  public boolean hasDev() {
    return !Double.isNaN(devCost);
  }
}
