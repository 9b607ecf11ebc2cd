package dev.descent.search;

import java.util.Arrays;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", 2020): rungs at epochs {@code minEpochs·η^k} (k = 0, 1, …); at a rung, a trial goes
 * on only if its score is among the top {@code max(1, ⌊n/η⌋)} of the n trials at that rung
 * (itself and the earlier ones), ties going on. Defaults 1 and 3 ({@link Pruner#asha()}).
 *
 * <pre>{@code
 * new AshaPruner(1, 3).decidesAt(9);                                  // true: 1·3²
 * new AshaPruner(1, 3).prune(3, 0.8, new double[] {0.9, 0.85, 0.7, 0.6, 0.95});   // true: top 2 of 6 are 0.95, 0.9
 * }</pre>
 */
public record AshaPruner(int minEpochs, int eta) implements Pruner {

  public AshaPruner {
    if (minEpochs < 1) {
      throw new IllegalArgumentException("asha min-epochs = " + minEpochs + ": must be at least 1");
    }
    if (eta < 2) {
      throw new IllegalArgumentException("asha eta = " + eta + ": must be at least 2 (keep the top 1/eta at each rung)");
    }
  }

  @Override
  public boolean decidesAt(int epoch) {
    long rung = minEpochs;
    while (rung < epoch) {
      rung *= eta;
    }
    return rung == epoch;
  }

  @Override
  public boolean prune(int epoch, double score, double[] earlier) {
    double[] all = Arrays.copyOf(earlier, earlier.length + 1);
    all[earlier.length] = score;
    Arrays.sort(all);
    int keep = Math.max(1, all.length / eta);
    double threshold = all[all.length - keep];
    return score < threshold;
  }

  @Override
  public String spec() {
    return "asha:min-epochs=" + minEpochs + ",eta=" + eta;
  }
}
