package dev.descent.search;

import dev.descent.io.Decimal;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tree-structured Parzen estimator (Bergstra et al., NIPS 2011): split the finished trials
 * into good (the best {@code ⌈γ·n⌉} complete ones) and bad (the rest, pruned and failed ones
 * included); fit a {@link ParzenEstimator} l(x) to the good points and g(x) to the bad ones, each
 * parameter on its own scale (unit coordinates of a {@link Range}: log for log ranges, 1 − β log
 * for one-minus-log); draw {@code candidates} points from l and keep the one with the largest
 * l(x)/g(x). The kernels are joint over the parameters (Optuna's multivariate TPE), which keeps
 * good combinations together. Until {@code startup} complete trials lie in the current space,
 * trials are random. Only trials inside the current space count, so coarse-to-fine rounds reuse
 * the earlier ones that fall in the new box.
 *
 * <p>Trials of one batch are proposed before any of them runs; each proposal counts the
 * batch's earlier proposals as bad ("constant liar"), so a batch spreads out instead of
 * proposing the same point four times.
 *
 * <p>Defaults: startup 10, γ 0.25, 24 candidates, batches of 4 (trials proposed together; a
 * smaller batch learns sooner, a larger one keeps more threads busy).
 *
 * <pre>{@code
 * Sampler tpe = new TpeSampler(10, 0.25, 24, 4);
 * }</pre>
 */
public record TpeSampler(int startup, double gamma, int candidates, int batch) implements Sampler {

  public TpeSampler {
    if (startup < 1) {
      throw new IllegalArgumentException("tpe startup = " + startup + ": must be at least 1 random trial");
    }
    if (!(gamma > 0 && gamma < 1)) {
      throw new IllegalArgumentException("tpe gamma = " + gamma + ": must be in (0, 1), the fraction of trials counted as good, e.g. 0.25");
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("tpe candidates = " + candidates + ": must be at least 1");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("tpe batch = " + batch + ": must be at least 1");
    }
  }

  public static TpeSampler defaults() {
    return new TpeSampler(10, 0.25, 24, 4);
  }

  @Override
  public int batchSize() {
    return batch;
  }

  @Override
  public Map<String, Object> propose(Round round, int id, List<TrialRecord> history, List<Map<String, Object>> pending, Rng rng) {
    Space space = round.space();
    Metric metric = round.metric();
    List<TrialRecord> complete = new ArrayList<>();
    List<Map<String, Object>> bad = new ArrayList<>();
    for (TrialRecord r : history) {
      if (space.contains(r.params())) {
        if (r.status() == Status.COMPLETE) {
          complete.add(r);
        } else {
          bad.add(r.params());
        }
      }
    }
    if (complete.size() < startup) {
      return space.sample(rng);
    }
    // stable sort of an id-ordered list: ties go to the smaller id
    complete.sort(Comparator.comparingDouble((TrialRecord r) -> -metric.score(metric.of(r))));
    int nGood = Math.max(1, (int) Math.ceil(gamma * complete.size()));
    List<Map<String, Object>> good = new ArrayList<>();
    for (int i = 0; i < complete.size(); i++) {
      (i < nGood ? good : bad).add(complete.get(i).params());
    }
    // constant liar: the batch's pending proposals count as bad, so the next one looks elsewhere
    bad.addAll(pending);
    ParzenEstimator l = new ParzenEstimator(space, good);
    ParzenEstimator g = new ParzenEstimator(space, bad);
    double[] best = null;
    double bestRatio = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      double[] x = l.sample(rng);
      double ratio = l.logDensity(x) - g.logDensity(x);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = x;
      }
    }
    return ParzenEstimator.decode(space, best);
  }

  @Override
  public String spec() {
    return "tpe:startup=" + startup + ",gamma=" + Decimal.significant(gamma, 6) + ",candidates=" + candidates + ",batch=" + batch;
  }
}
