package dev.descent.bench;

import java.util.Arrays;

/**
 * Repeated measurements of one quantity (seconds, rates), summarized as median, min and max.
 * The median is the reported value for whole runs; the best for products (see GemmSuite).
 *
 * <pre>{@code
 * Samples.of(0.41, 0.39, 0.52).median()   // 0.41
 * }</pre>
 */
public record Samples(double[] values) {
  public Samples {
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples: measure at least once");
    }
    values = values.clone();
    Arrays.sort(values);
  }

  public static Samples of(double... values) {
    return new Samples(values);
  }

  /** The middle value; the mean of the two middle ones for an even count. */
  public double median() {
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  public double min() {
    return values[0];
  }

  public double max() {
    return values[values.length - 1];
  }

  public int count() {
    return values.length;
  }
}
