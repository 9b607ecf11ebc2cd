package dev.descent.data;

import dev.descent.tensor.Matrix;

/**
 * Per-feature standardization {@code (x − μ)/σ}, with μ and the population σ (1/m) fitted on the
 * training set only and then applied unchanged to dev, test and prediction inputs. A constant
 * feature (σ = 0) is only centred. Saved with the model.
 */
public record Standardizer(double[] mean, double[] std) {

  public Standardizer {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("standardizer: " + mean.length + " means but " + std.length + " deviations");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Values beyond this take the overflow-safe path (their squares would overflow a double). */
  private static final double HUGE = 1e150;

  public static Standardizer fit(Matrix train) {
    int m = train.rows();
    int n = train.cols();
    if (m == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on an empty training set");
    }
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int j = 0; j < n; j++) {
      double largest = 0;
      for (int i = 0; i < m; i++) {
        largest = Math.max(largest, Math.abs(train.get(i, j)));
      }
      // beyond about 1e154 the squares overflow (and sums beyond 1e308): fit on the column divided
      // by a power of two, which is exact, and scale back; ordinary columns take the plain path
      double scale = largest > HUGE ? Math.scalb(1.0, Math.getExponent(largest)) : 1;
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += train.get(i, j) / scale;
      }
      double mu = s / m;
      double ss = 0;
      for (int i = 0; i < m; i++) {
        double d = train.get(i, j) / scale - mu;
        ss += d * d;
      }
      mean[j] = mu * scale;
      std[j] = Math.sqrt(ss / m) * scale;
    }
    return new Standardizer(mean, std);
  }

  /** A new matrix of standardized rows, in the precision of {@code x} (computed in float64). */
  public Matrix apply(Matrix x) {
    Matrix out = x.copy();
    applyInPlace(out);
    return out;
  }

  /** Standardizes the rows of {@code x} in place: the values of {@link #apply}, without a second matrix. */
  public void applyInPlace(Matrix x) {
    if (x.cols() != mean.length) {
      throw new IllegalArgumentException("standardizer fitted on " + mean.length + " features, given " + x.cols());
    }
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        double sd = std[j] == 0 ? 1 : std[j];
        double v = x.get(i, j);
        // x − μ may overflow when both are huge and of opposite signs; the quotients do not
        x.set(i, j, Math.abs(v) > HUGE || Math.abs(mean[j]) > HUGE ? v / sd - mean[j] / sd : (v - mean[j]) / sd);
      }
    }
  }

  public Dataset apply(Dataset data) {
    return data == null ? null : data.withFeatures(apply(data.features()));
  }
}
