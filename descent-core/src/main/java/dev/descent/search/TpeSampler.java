package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree-structured Parzen estimator (Bergstra et al., NIPS 2011): split the finished trials
 * into good (the best {@code ⌈γ·n⌉} complete ones) and bad (the rest, pruned and failed ones
 * included); for each parameter, on its own scale (unit coordinates of {@link Range}), fit a
 * Parzen density l(x) to the good values and g(x) to the bad ones, draw {@code candidates} from
 * l and keep the one with the largest l(x)/g(x). Choices use smoothed counts (count + 1) instead
 * of densities. Parameters are treated independently (univariate TPE, as hyperopt and Optuna by
 * default). Until {@code startup} complete trials lie in the current space, trials are random.
 * Only trials inside the current space count, so coarse-to-fine rounds reuse the earlier ones
 * that fall in the new box.
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
  public Map<String, Object> propose(Round round, int id, List<TrialRecord> history, Rng rng) {
    Space space = round.space();
    Metric metric = round.metric();
    List<TrialRecord> complete = new ArrayList<>();
    List<TrialRecord> bad = new ArrayList<>();
    for (TrialRecord r : history) {
      if (space.contains(r.params())) {
        (r.status() == Status.COMPLETE ? complete : bad).add(r);
      }
    }
    if (complete.size() < startup) {
      return space.sample(rng);
    }
    // stable sort of an id-ordered list: ties go to the smaller id
    complete.sort(Comparator.comparingDouble((TrialRecord r) -> -metric.score(metric.of(r))));
    int nGood = Math.max(1, (int) Math.ceil(gamma * complete.size()));
    List<TrialRecord> good = complete.subList(0, nGood);
    bad.addAll(complete.subList(nGood, complete.size()));
    Map<String, Object> point = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> p : space.parameters().entrySet()) {
      Rng paramRng = rng.fork(p.getKey(), 0);
      Object value = p.getValue() instanceof Range r
          ? proposeRange(p.getKey(), r, good, bad, paramRng)
          : proposeChoice(p.getKey(), (Choice) p.getValue(), good, bad, paramRng);
      point.put(p.getKey(), value);
    }
    return point;
  }

  private Object proposeRange(String name, Range range, List<TrialRecord> good, List<TrialRecord> bad, Rng rng) {
    Parzen l = new Parzen(units(name, range, good));
    Parzen g = new Parzen(units(name, range, bad));
    double best = Double.NaN;
    double bestRatio = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      double u = l.sample(rng);
      double ratio = l.logDensity(u) - g.logDensity(u);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = u;
      }
    }
    return range.fromUnit(best);
  }

  private static double[] units(String name, Range range, List<TrialRecord> trials) {
    double[] u = new double[trials.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = range.toUnit(trials.get(i).params().get(name));
    }
    return u;
  }

  private Object proposeChoice(String name, Choice choice, List<TrialRecord> good, List<TrialRecord> bad, Rng rng) {
    int k = choice.values().size();
    double[] l = smoothedFrequencies(name, choice, good);
    double[] g = smoothedFrequencies(name, choice, bad);
    int best = -1;
    double bestRatio = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      int i = draw(l, rng);
      if (l[i] / g[i] > bestRatio) {
        bestRatio = l[i] / g[i];
        best = i;
      }
    }
    return choice.values().get(best);
  }

  /** (count + 1) / (n + k): every value keeps a chance. */
  private static double[] smoothedFrequencies(String name, Choice choice, List<TrialRecord> trials) {
    int k = choice.values().size();
    double[] p = new double[k];
    java.util.Arrays.fill(p, 1);
    for (TrialRecord r : trials) {
      p[choice.indexOf(r.params().get(name))] += 1;
    }
    for (int i = 0; i < k; i++) {
      p[i] /= trials.size() + k;
    }
    return p;
  }

  private static int draw(double[] p, Rng rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < p.length; i++) {
      cumulative += p[i];
      if (u < cumulative) {
        return i;
      }
    }
    return p.length - 1;
  }

  @Override
  public String spec() {
    return "tpe:startup=" + startup + ",gamma=" + Numbers.format(gamma) + ",candidates=" + candidates + ",batch=" + batch;
  }
}
