package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Parzen density over a {@link Space}, for TPE: an equal-weight mixture of product kernels,
 * one centred at each observation plus a wide prior. Points are encoded per parameter as the
 * unit coordinate of a {@link Range} (so kernels live on the parameter's own scale) or the index
 * of a {@link Choice}.
 *
 * <ul>
 *   <li>range: a Gaussian truncated to [0, 1]; its width is the larger gap to the sorted
 *       neighbours (the prior mean ½ among them), clipped to [1/min(100, m + 1), 1] for m
 *       observations (Bergstra et al., NIPS 2011; hyperopt); the prior is N(½, 1).
 *   <li>choice: the observed value with probability 1 − λ, each other value with λ/(K − 1),
 *       λ = ¼·(K − 1)/K (so a quarter of the mass is spread uniformly); the prior is uniform.
 * </ul>
 *
 * <p>Kernels are products over parameters, so a good combination (relu with its learning rate)
 * stays together, as in Optuna's multivariate TPE.
 */
final class ParzenEstimator {
  private static final double PRIOR_MEAN = 0.5;
  private static final double PRIOR_SIGMA = 1.0;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private final Distribution[] parameters;
  private final double[][] centre; // [component][parameter], the last component is the prior
  private final double[][] sigma;
  private final double[][] logMass;

  ParzenEstimator(Space space, List<Map<String, Object>> observations) {
    parameters = space.parameters().values().toArray(new Distribution[0]);
    String[] names = space.parameters().keySet().toArray(new String[0]);
    int m = observations.size();
    int dims = parameters.length;
    centre = new double[m + 1][dims];
    sigma = new double[m + 1][dims];
    logMass = new double[m + 1][dims];
    for (int d = 0; d < dims; d++) {
      for (int i = 0; i < m; i++) {
        centre[i][d] = encode(parameters[d], observations.get(i).get(names[d]));
      }
      centre[m][d] = parameters[d] instanceof Range ? PRIOR_MEAN : -1;
      if (parameters[d] instanceof Range) {
        widths(d, m);
      }
    }
  }

  private void widths(int d, int m) {
    Integer[] order = new Integer[m + 1];
    for (int i = 0; i <= m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(centre[a][d], centre[b][d]));
    double minSigma = PRIOR_SIGMA / Math.min(100.0, m + 1.0);
    for (int k = 0; k <= m; k++) {
      int i = order[k];
      double left = k > 0 ? centre[i][d] - centre[order[k - 1]][d] : centre[i][d];
      double right = k < m ? centre[order[k + 1]][d] - centre[i][d] : 1 - centre[i][d];
      sigma[i][d] = i == m ? PRIOR_SIGMA : Math.max(minSigma, Math.min(PRIOR_SIGMA, Math.max(left, right)));
      logMass[i][d] = Math.log(Normal.cdf((1 - centre[i][d]) / sigma[i][d]) - Normal.cdf(-centre[i][d] / sigma[i][d]));
    }
  }

  static double encode(Distribution d, Object value) {
    return d instanceof Range r ? r.toUnit(value) : ((Choice) d).indexOf(value);
  }

  static Map<String, Object> decode(Space space, double[] x) {
    Map<String, Object> point = new LinkedHashMap<>();
    int d = 0;
    for (Map.Entry<String, Distribution> p : space.parameters().entrySet()) {
      Object value = p.getValue() instanceof Range r ? r.fromUnit(x[d]) : ((Choice) p.getValue()).values().get((int) x[d]);
      point.put(p.getKey(), value);
      d++;
    }
    return point;
  }

  /** One draw: a component picked uniformly, then each parameter from that component's kernel. */
  double[] sample(Rng rng) {
    int i = rng.nextInt(centre.length);
    double[] x = new double[parameters.length];
    for (int d = 0; d < parameters.length; d++) {
      x[d] = parameters[d] instanceof Choice c ? sampleChoice(c.values().size(), centre[i][d], rng) : sampleRange(centre[i][d], sigma[i][d], rng);
    }
    return x;
  }

  private static double sampleRange(double mu, double s, Rng rng) {
    // centred in [0, 1] with σ ≤ 1, a kernel puts ≥ 34% of its mass inside: 200 misses in a row is a bug
    for (int attempt = 0; attempt < 200; attempt++) {
      double x = mu + s * rng.nextGaussian();
      if (x >= 0 && x <= 1) {
        return x;
      }
    }
    throw new AssertionError("Parzen kernel N(" + mu + ", " + s + ") missed [0, 1] 200 times");
  }

  private static double sampleChoice(int k, double observed, Rng rng) {
    if (observed < 0 || k == 1) {
      return rng.nextInt(k);
    }
    if (rng.nextDouble() >= lambda(k)) {
      return observed;
    }
    int other = rng.nextInt(k - 1);
    return other >= observed ? other + 1 : other;
  }

  private static double lambda(int k) {
    return 0.25 * (k - 1) / k;
  }

  /** ln of the density at the encoded point {@code x}. */
  double logDensity(double[] x) {
    double[] logs = new double[centre.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < centre.length; i++) {
      double log = 0;
      for (int d = 0; d < parameters.length; d++) {
        log += parameters[d] instanceof Choice c ? logChoice(c.values().size(), centre[i][d], x[d]) : logRange(i, d, x[d]);
      }
      logs[i] = log;
      max = Math.max(max, log);
    }
    double sum = 0;
    for (double log : logs) {
      sum += Math.exp(log - max);
    }
    return max + Math.log(sum / centre.length);
  }

  private double logRange(int i, int d, double x) {
    double z = (x - centre[i][d]) / sigma[i][d];
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma[i][d]) - logMass[i][d];
  }

  private static double logChoice(int k, double observed, double x) {
    if (observed < 0) {
      return -Math.log(k);
    }
    if (k == 1) {
      return 0;
    }
    return x == observed ? Math.log(1 - lambda(k)) : Math.log(lambda(k) / (k - 1));
  }
}
