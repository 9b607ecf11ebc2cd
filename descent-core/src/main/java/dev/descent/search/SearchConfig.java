package dev.descent.search;

/**
 * The settings of a search: seed, the trial budget (over all rounds), the metric and its
 * direction, the sampler, the pruner and the rounds of coarse-to-fine. The budget is shared
 * among the rounds, the first rounds taking one more when it does not divide: 20 trials in 3
 * rounds run 7, 7 and 6. Defaults ({@link #of}): dev_accuracy, random sampling, no pruning, one
 * round.
 *
 * <pre>{@code
 * SearchConfig c = SearchConfig.of(42, 90)
 *     .withSampler(Sampler.tpe()).withPruner(Pruner.median()).withCoarseToFine(CoarseToFine.of(3));
 * c.trialsInRound(2);   // 30
 * }</pre>
 */
public record SearchConfig(long seed, int trials, Metric metric, Sampler sampler, Pruner pruner, CoarseToFine coarseToFine) {

  public SearchConfig {
    if (trials < 1) {
      throw new IllegalArgumentException("trials = " + trials + ": must be at least 1");
    }
    if (metric == null || sampler == null || pruner == null || coarseToFine == null) {
      throw new IllegalArgumentException("search config: metric, sampler, pruner and coarse-to-fine must be given (use the defaults of SearchConfig.of)");
    }
    if (trials < coarseToFine.rounds()) {
      throw new IllegalArgumentException("trials = " + trials + " for " + coarseToFine.rounds()
          + " rounds: each round needs at least one trial; give at least as many trials as rounds");
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
    return trials;
  }

  /** The trials of round {@code number} (from 1): an equal share, the first rounds taking the remainder. */
  public int trialsInRound(int number) {
    int rounds = coarseToFine.rounds();
    return trials / rounds + (number <= trials % rounds ? 1 : 0);
  }

  /** The round (from 1) that trial {@code id} belongs to. */
  public int roundOf(int id) {
    int number = 1;
    while (number < coarseToFine.rounds() && id >= firstTrialOfRound(number + 1)) {
      number++;
    }
    return number;
  }

  /** The id of round {@code number}'s first trial: the trials of the rounds before it. */
  public int firstTrialOfRound(int number) {
    int rounds = coarseToFine.rounds();
    int before = number - 1;
    return before * (trials / rounds) + Math.min(before, trials % rounds);
  }
}
