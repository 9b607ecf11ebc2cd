package dev.descent.search;

import java.util.Arrays;

/**
 * The median stopping rule (Golovin et al., "Google Vizier", 2017): after {@code warmupEpochs},
 * stop a trial whose score at epoch e is below the median score at e of the earlier trials,
 * once at least {@code minTrials} of them reached e. Defaults 2 and 5 ({@link Pruner#median()}).
 *
 * <pre>{@code
 * new MedianPruner(2, 5).prune(3, 0.70, new double[] {0.72, 0.75, 0.80, 0.81, 0.90});   // true: 0.70 < 0.80
 * }</pre>
 */
public record MedianPruner(int warmupEpochs, int minTrials) implements Pruner {

  public MedianPruner {
    if (warmupEpochs < 0) {
      throw new IllegalArgumentException("median pruner warmup = " + warmupEpochs + ": must be 0 or more epochs");
    }
    if (minTrials < 1) {
      throw new IllegalArgumentException("median pruner min-trials = " + minTrials + ": must be at least 1");
    }
  }

  @Override
  public boolean decidesAt(int epoch) {
    return epoch > warmupEpochs;
  }

  @Override
  public boolean prune(int epoch, double score, double[] earlier) {
    if (earlier.length < minTrials) {
      return false;
    }
    double[] sorted = earlier.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return score < median;
  }

  @Override
  public String spec() {
    return "median:warmup=" + warmupEpochs + ",min-trials=" + minTrials;
  }
}
