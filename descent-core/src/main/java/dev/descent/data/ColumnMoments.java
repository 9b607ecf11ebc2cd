package dev.descent.data;

import dev.descent.tensor.Matrix;

/**
 * The mean and the sum of squared deviations of each column, accumulated chunk by chunk: each
 * chunk in two passes (its mean, then its deviations, as {@link Standardizer#fit(Matrix)} does
 * for a whole matrix), chunks merged by Chan, Golub and LeVeque's formula
 * {@code M2 = M2a + M2b + δ²·na·nb/n}. One chunk gives exactly the whole-matrix fit's numbers.
 *
 * <p>A column whose values pass 1e150 is accumulated divided by a power of two (exact), raised
 * as larger values arrive, so that squares and sums cannot overflow.
 */
final class ColumnMoments {
  private final double[] mean;
  private final double[] m2;
  private final double[] scale;
  private long count;

  ColumnMoments(int columns) {
    mean = new double[columns];
    m2 = new double[columns];
    scale = new double[columns];
    java.util.Arrays.fill(scale, 1);
  }

  /** Adds rows 0..rows of {@code chunk}. */
  void add(Matrix chunk, int rows) {
    for (int j = 0; j < mean.length; j++) {
      rescaleFor(j, largest(chunk, rows, j));
      double s = 0;
      for (int i = 0; i < rows; i++) {
        s += chunk.get(i, j) / scale[j];
      }
      double mu = s / rows;
      double ss = 0;
      for (int i = 0; i < rows; i++) {
        double d = chunk.get(i, j) / scale[j] - mu;
        ss += d * d;
      }
      if (count == 0) {
        mean[j] = mu;
        m2[j] = ss;
      } else {
        double n = count + rows;
        double delta = mu - mean[j];
        mean[j] += delta * rows / n;
        m2[j] += ss + delta * delta * count * rows / n;
      }
    }
    count += rows;
  }

  Standardizer standardizer() {
    double[] mu = new double[mean.length];
    double[] sd = new double[mean.length];
    for (int j = 0; j < mean.length; j++) {
      mu[j] = mean[j] * scale[j];
      sd[j] = Math.sqrt(m2[j] / count) * scale[j];
    }
    return new Standardizer(mu, sd);
  }

  private static double largest(Matrix chunk, int rows, int j) {
    double largest = 0;
    for (int i = 0; i < rows; i++) {
      largest = Math.max(largest, Math.abs(chunk.get(i, j)));
    }
    return largest;
  }

  private void rescaleFor(int j, double largest) {
    double wanted = largest > Standardizer.HUGE ? Math.scalb(1.0, Math.getExponent(largest)) : 1;
    if (wanted > scale[j]) {
      double ratio = wanted / scale[j];
      mean[j] /= ratio;
      m2[j] /= ratio * ratio;
      scale[j] = wanted;
    }
  }
}
