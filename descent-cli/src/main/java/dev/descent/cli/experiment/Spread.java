package dev.descent.cli.experiment;

import java.util.Arrays;

/**
 * One configuration's accuracies over seeds 1 … N of Descent's generator: mean ± standard
 * deviation (n − 1 in the denominator), min–max, and the share of seeds at or below the course's
 * single-seed figure ("was 83 % luck?").
 *
 * <pre>{@code
 * Spread.of(new double[] {0.80, 0.82, 0.84}).mean();   // 0.82
 * }</pre>
 */
public record Spread(double[] values) {
  public Spread {
    if (values.length == 0) {
      throw new IllegalArgumentException("a spread needs at least one seed");
    }
    values = values.clone();
  }

  public static Spread of(double[] values) {
    return new Spread(values);
  }

  public double mean() {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample standard deviation; 0 for one seed. */
  public double standardDeviation() {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean();
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  public double min() {
    return Arrays.stream(values).min().orElseThrow();
  }

  public double max() {
    return Arrays.stream(values).max().orElseThrow();
  }

  /**
   * The share of seeds whose accuracy is below {@code figure}, a tie counting half; compared at
   * the course's printed digit (four decimals), since its figures are rounded (0.9289 is 196/211).
   */
  public double rankOf(double figure) {
    long course = Math.round(figure * 10_000);
    double below = 0;
    for (double v : values) {
      long seed = Math.round(v * 10_000);
      below += seed < course ? 1 : seed == course ? 0.5 : 0;
    }
    return below / values.length;
  }
}
