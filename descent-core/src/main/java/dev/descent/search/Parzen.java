package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.Arrays;

/**
 * A Parzen density on the unit interval [0, 1]: an equal-weight mixture of Gaussians truncated
 * to [0, 1], one at each observation plus a wide prior N(½, 1). Each observation's width is the
 * larger gap to its sorted neighbours (the prior mean among them), clipped to
 * [1/min(100, m + 1), 1] for m observations, as in Bergstra et al., "Algorithms for
 * Hyper-Parameter Optimization" (NIPS 2011) and hyperopt.
 */
final class Parzen {
  private static final double PRIOR_MEAN = 0.5;
  private static final double PRIOR_SIGMA = 1.0;
  private final double[] mu;
  private final double[] sigma;
  private final double[] mass;

  Parzen(double[] observations) {
    int m = observations.length;
    double[] points = Arrays.copyOf(observations, m + 1);
    points[m] = PRIOR_MEAN;
    Arrays.sort(points);
    mu = points;
    sigma = new double[m + 1];
    double minSigma = PRIOR_SIGMA / Math.min(100.0, m + 1.0);
    for (int i = 0; i <= m; i++) {
      double left = i > 0 ? points[i] - points[i - 1] : points[i];
      double right = i < m ? points[i + 1] - points[i] : 1 - points[i];
      sigma[i] = Math.max(minSigma, Math.min(PRIOR_SIGMA, Math.max(left, right)));
    }
    // the prior keeps its own width: one prior component among the sorted ones
    int prior = Arrays.binarySearch(points, PRIOR_MEAN);
    sigma[prior] = PRIOR_SIGMA;
    mass = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      mass[i] = Normal.cdf((1 - mu[i]) / sigma[i]) - Normal.cdf(-mu[i] / sigma[i]);
    }
  }

  /** One draw: a component picked uniformly, then its Gaussian until the draw lands in [0, 1]. */
  double sample(Rng rng) {
    int i = rng.nextInt(mu.length);
    // a component centred in [0, 1] with σ ≤ 1 puts ≥ 34% of its mass inside: 200 misses in a row is a bug
    for (int attempt = 0; attempt < 200; attempt++) {
      double x = mu[i] + sigma[i] * rng.nextGaussian();
      if (x >= 0 && x <= 1) {
        return x;
      }
    }
    throw new AssertionError("Parzen component N(" + mu[i] + ", " + sigma[i] + ") missed [0, 1] 200 times");
  }

  /** ln of the density at {@code x}. */
  double logDensity(double x) {
    double sum = 0;
    for (int i = 0; i < mu.length; i++) {
      double z = (x - mu[i]) / sigma[i];
      sum += Math.exp(-0.5 * z * z) / (sigma[i] * mass[i]);
    }
    return Math.log(sum / (mu.length * Math.sqrt(2 * Math.PI)));
  }
}
