package dev.descent.search;

/**
 * Stops hopeless trials early, from the dev metric each reports after every epoch. Scores are
 * {@link Metric#score}s (higher is better), so one rule serves dev_accuracy and dev_cost.
 *
 * <p>A trial is judged only against trials with <em>smaller ids</em> that reached the same
 * epoch (whether they later completed or were pruned): the search waits, at each epoch where
 * {@link #decidesAt} holds, until every smaller id has reported that epoch or stopped. The
 * decisions then depend on the ids alone, never on thread timing, so a search gives the same
 * trials and scores on 1 thread or 16. Waiting costs little: trials start in id order, and
 * the earlier ones are usually ahead.
 *
 * <pre>{@code
 * Pruner.median(2, 5);   // from epoch 3, prune below the median of ≥ 5 earlier trials
 * Pruner.asha(1, 3);     // rungs at epochs 1, 3, 9, 27…; keep the top third at each
 * Pruner.parse("asha:min-epochs=2,eta=4");
 * }</pre>
 */
public interface Pruner {

  /** True when this pruner may stop a trial at {@code epoch} (1-based). */
  boolean decidesAt(int epoch);

  /**
   * @param score this trial's score at {@code epoch}
   * @param earlier the scores at {@code epoch} of the trials with smaller ids that reached it
   * @return true to stop the trial
   */
  boolean prune(int epoch, double score, double[] earlier);

  /** The spec text {@link #parse} accepts. */
  String spec();

  /** Never prunes. */
  static Pruner none() {
    return NoPruner.INSTANCE;
  }

  /** {@link MedianPruner} with 2 warm-up epochs and at least 5 earlier trials. */
  static Pruner median() {
    return new MedianPruner(2, 5);
  }

  static Pruner median(int warmupEpochs, int minTrials) {
    return new MedianPruner(warmupEpochs, minTrials);
  }

  /** {@link AshaPruner} with rungs from epoch 1 and η = 3. */
  static Pruner asha() {
    return new AshaPruner(1, 3);
  }

  static Pruner asha(int minEpochs, int eta) {
    return new AshaPruner(minEpochs, eta);
  }

  /**
   * {@code none}, {@code median}, {@code median:warmup=2,min-trials=5}, {@code asha} or
   * {@code asha:min-epochs=1,eta=3}; omitted settings keep their defaults.
   */
  static Pruner parse(String spec) {
    return PrunerParser.parse(spec);
  }
}
