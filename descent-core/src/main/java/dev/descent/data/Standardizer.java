package dev.descent.data;

import dev.descent.DescentException;
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

  /** Values beyond this take the overflow-safe path (their squares would overflow a double). */
  static final double HUGE = 1e150;

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

  /** Rows read at a time when fitting on examples that are not in the heap. */
  static final int CHUNK_ROWS = 16_384;

  /**
   * Fits on every example of {@code set}: a resident set as {@link #fit(Matrix)} does, any other
   * in one streaming pass of chunks whose moments are merged by Chan's formula (float64
   * accumulators), so a mapped file larger than memory is fitted in constant memory. A value
   * that is not a finite number is refused, naming the example and feature.
   */
  public static Standardizer fit(Examples set) {
    return fit(set, CHUNK_ROWS);
  }

  static Standardizer fit(Examples set, int chunkRows) {
    if (set instanceof Dataset resident) {
      return fit(resident.features());
    }
    int m = set.size();
    if (m == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on an empty training set");
    }
    Matrix chunk = Matrix.zeros(Precision.F64, Math.min(chunkRows, m), set.featureCount());
    ColumnMoments moments = new ColumnMoments(set.featureCount());
    for (int from = 0; from < m; from += chunkRows) {
      int count = Math.min(chunkRows, m - from);
      set.gather(null, from, count, chunk, null);
      requireFinite(set, chunk, from, count);
      moments.add(chunk, count);
    }
    return moments.standardizer();
  }

  private static void requireFinite(Examples set, Matrix chunk, int from, int count) {
    int n = chunk.cols();
    for (int k = 0; k < count * n; k++) {
      double v = chunk.getFlat(k);
      if (!Double.isFinite(v)) {
        throw new DescentException(set.name() + ": example " + (from + k / n + 1) + " of the training set, feature "
            + (k % n + 1) + ": value " + v + " is not a finite number");
      }
    }
  }

  /** Feature j of a value standardized, in float64 (the one formula every path uses). */
  public double standardize(int j, double v) {
    double sd = std[j] == 0 ? 1 : std[j];
    // x − μ may overflow when both are huge and of opposite signs; the quotients do not
    return Math.abs(v) > HUGE || Math.abs(mean[j]) > HUGE ? v / sd - mean[j] / sd : (v - mean[j]) / sd;
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
        x.set(i, j, standardize(j, x.get(i, j)));
      }
    }
  }

  public Dataset apply(Dataset data) {
    return data == null ? null : data.withFeatures(apply(data.features()));
  }
}
