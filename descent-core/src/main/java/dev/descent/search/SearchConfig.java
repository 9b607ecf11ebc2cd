package dev.descent.search;

/**
 * The settings of a search: seed, trials per round, the metric and its direction, the sampler,
 * the pruner and the rounds of coarse-to-fine. Defaults ({@link #of}): dev_accuracy, random
 * sampling, no pruning, one round.
 *
 * <pre>{@code
 * SearchConfig c = SearchConfig.of(42, 30)
 *     .withSampler(Sampler.tpe()).withPruner(Pruner.median()).withCoarseToFine(CoarseToFine.of(3));
 * c.totalTrials();   // 90
 * }</pre>
 */
public record SearchConfig(long seed, int trials, Metric metric, Sampler sampler, Pruner pruner, CoarseToFine coarseToFine) {

  public SearchConfig {
    if (trials < 1) {
      throw new IllegalArgumentException("trials = " + trials + ": must be at least 1 per round");
    }
    if (metric == null || sampler == null || pruner == null || coarseToFine == null) {
      throw new IllegalArgumentException("search config: metric, sampler, pruner and coarse-to-fine must be given (use the defaults of SearchConfig.of)");
    }
    if ((long) trials * coarseToFine.rounds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("trials " + trials + " × rounds " + coarseToFine.rounds() + ": too many trials (ids are ints)");
    }
  }

  public static SearchConfig of(long seed, int trials) {
    return new SearchConfig(seed, trials, Metric.DEV_ACCURACY, Sampler.random(), Pruner.none(), CoarseToFine.off());
  }

  public SearchConfig withMetric(Metric metric) {
    return new SearchConfig(seed, trials, metric, sampler, pruner, coarseToFine);
  }

  public SearchConfig withSampler(Sampler sampler) {
    return new SearchConfig(seed, trials, metric, sampler, pruner, coarseToFine);
  }

  public SearchConfig withPruner(Pruner pruner) {
    return new SearchConfig(seed, trials, metric, sampler, pruner, coarseToFine);
  }

  public SearchConfig withCoarseToFine(CoarseToFine coarseToFine) {
    return new SearchConfig(seed, trials, metric, sampler, pruner, coarseToFine);
  }

  /** Trials over all rounds: ids run from 0 to this − 1. */
  public int totalTrials() {
    return trials * coarseToFine.rounds();
  }
}
