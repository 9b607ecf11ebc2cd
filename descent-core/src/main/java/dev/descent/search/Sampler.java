package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;

/**
 * Proposes the params of each trial. {@link #random()} (the default: the course's advice),
 * {@link #grid()} (for comparison) and {@link #tpe()} (model-based: learns from the finished
 * trials). Proposals are deterministic: the rng is forked from the search seed and the trial id,
 * and a sampler that learns sees exactly the trials of the batches before the trial's own
 * ({@link #batchSize}), whatever the number of threads.
 *
 * <pre>{@code
 * Sampler.parse("tpe:startup=10,gamma=0.25");
 * }</pre>
 */
public interface Sampler {

  /**
   * The params of trial {@code id} of {@code round}.
   *
   * @param history the finished trials of the earlier batches (all rounds), by id
   * @param pending the params proposed for the earlier trials of this batch, not yet run
   */
  Map<String, Object> propose(Round round, int id, List<TrialRecord> history, List<Map<String, Object>> pending, Rng rng);

  /**
   * How many consecutive trials are proposed together, before any of them runs; the next batch
   * sees their results. Samplers that ignore history propose a whole round at once.
   */
  default int batchSize() {
    return Integer.MAX_VALUE;
  }

  /** The spec text {@link #parse} accepts. */
  String spec();

  /** Each parameter drawn independently on its own scale. */
  static Sampler random() {
    return RandomSampler.INSTANCE;
  }

  /** Evenly spaced points on each parameter's scale; see {@link GridSampler}. */
  static Sampler grid() {
    return GridSampler.INSTANCE;
  }

  /** The tree-structured Parzen estimator with {@link TpeSampler#defaults()}. */
  static Sampler tpe() {
    return TpeSampler.defaults();
  }

  /** {@code random}, {@code grid}, {@code tpe} or {@code tpe:startup=10,gamma=0.25,candidates=24,batch=4}. */
  static Sampler parse(String spec) {
    return SamplerParser.parse(spec);
  }
}
