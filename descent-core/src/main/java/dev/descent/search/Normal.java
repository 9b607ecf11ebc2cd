package dev.descent.search;

/** The standard normal CDF, Φ(z) = ½(1 + erf(z/√2)), erf by Abramowitz &amp; Stegun 7.1.26 (|error| ≤ 1.5e-7). */
final class Normal {
  private Normal() {}

  static double cdf(double z) {
    return 0.5 * (1 + erf(z / Math.sqrt(2)));
  }

  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double y = 1 - poly * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }
}
