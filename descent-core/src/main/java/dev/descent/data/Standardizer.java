package dev.descent.data;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;

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

  public static Standardizer fit(Matrix train) {
    int m = train.rows();
    int n = train.cols();
    if (m == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on an empty training set");
    }
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += train.get(i, j);
      }
      mean[j] = s / m;
      double ss = 0;
      for (int i = 0; i < m; i++) {
        double d = train.get(i, j) - mean[j];
        ss += d * d;
      }
      std[j] = Math.sqrt(ss / m);
    }
    return new Standardizer(mean, std);
  }

  /** A new float64 matrix of standardized rows. */
  public Matrix apply(Matrix x) {
    if (x.cols() != mean.length) {
      throw new IllegalArgumentException("standardizer fitted on " + mean.length + " features, given " + x.cols());
    }
    Matrix out = Matrix.zeros(Precision.F64, x.rows(), x.cols());
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        double sd = std[j] == 0 ? 1 : std[j];
        out.set(i, j, (x.get(i, j) - mean[j]) / sd);
      }
    }
    return out;
  }

  public Dataset apply(Dataset data) {
    return data == null ? null : data.withFeatures(apply(data.features()));
  }
}
