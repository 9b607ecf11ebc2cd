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
public final class ColumnMoments {
  private final double[] mean;
  private final double[] m2;
  private final double[] scale;
  private long count;

  public ColumnMoments(int columns) {
    mean = new double[columns];
    m2 = new double[columns];
    scale = new double[columns];
    java.util.Arrays.fill(scale, 1);
  }

  /** Adds rows 0..rows of {@code chunk}. */
  public void add(Matrix chunk, int rows) {
    if (rows == 0) {
      return;
    }
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

  /**
   * Adds the moments of other rows (another partition's, say) by the same formula, so that
   * moments gathered anywhere merge in any order to the one-pass fit up to rounding.
   */
  public void merge(ColumnMoments other) {
    if (other.mean.length != mean.length) {
      throw new IllegalArgumentException("moments of " + other.mean.length + " columns cannot merge into " + mean.length);
    }
    for (int j = 0; j < mean.length && other.count > 0; j++) {
      double wanted = Math.max(scale[j], other.scale[j]);
      rescaleTo(j, wanted);
      double ratio = wanted / other.scale[j];
      double mu = other.mean[j] / ratio;
      double ss = other.m2[j] / (ratio * ratio);
      if (count == 0) {
        mean[j] = mu;
        m2[j] = ss;
      } else {
        double n = count + other.count;
        double delta = mu - mean[j];
        mean[j] += delta * other.count / n;
        m2[j] += ss + delta * delta * count * other.count / n;
      }
    }
    count += other.count;
  }

  /** Rows added so far. */
  public long count() {
    return count;
  }

  /** Plain numbers for another process (count, then mean, m2 and scale of each column); {@link #fromArray} reads them back. */
  public double[] toArray() {
    int n = mean.length;
    double[] out = new double[1 + 3 * n];
    out[0] = count;
    System.arraycopy(mean, 0, out, 1, n);
    System.arraycopy(m2, 0, out, 1 + n, n);
    System.arraycopy(scale, 0, out, 1 + 2 * n, n);
    return out;
  }

  public static ColumnMoments fromArray(double[] values) {
    int n = (values.length - 1) / 3;
    ColumnMoments m = new ColumnMoments(n);
    m.count = (long) values[0];
    System.arraycopy(values, 1, m.mean, 0, n);
    System.arraycopy(values, 1 + n, m.m2, 0, n);
    System.arraycopy(values, 1 + 2 * n, m.scale, 0, n);
    return m;
  }

  public Standardizer standardizer() {
    if (count == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on an empty training set");
    }
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
    rescaleTo(j, largest > Standardizer.HUGE ? Math.scalb(1.0, Math.getExponent(largest)) : 1);
  }

  private void rescaleTo(int j, double wanted) {
    if (wanted > scale[j]) {
      double ratio = wanted / scale[j];
      mean[j] /= ratio;
      m2[j] /= ratio * ratio;
      scale[j] = wanted;
    }
  }
}
