package dev.descent.tensor;

import java.util.Arrays;

/**
 * A dense, row-major matrix of {@code rows × cols} elements in one {@link Precision}.
 *
 * <p>Shapes follow the course with examples as rows: a batch {@code X} is m × n0, a weight
 * {@code W[l]} is n[l] × n[l−1]. Element-wise kernels live in the operations that use them; this
 * class offers storage, element access and the few whole-matrix helpers every caller needs.
 *
 * <pre>{@code
 * Matrix a = Matrix.of(Precision.F64, 2, 2, 1, 2, 3, 4);
 * a.get(1, 0);   // 3.0
 * }</pre>
 */
public abstract sealed class Matrix permits F32Matrix, F64Matrix {
  private final int rows;
  private final int cols;

  Matrix(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("matrix shape " + rows + "×" + cols + ": must not be negative");
    }
    this.rows = rows;
    this.cols = cols;
  }

  /** A new matrix of zeros. */
  public static Matrix zeros(Precision precision, int rows, int cols) {
    return precision == Precision.F32 ? new F32Matrix(rows, cols) : new F64Matrix(rows, cols);
  }

  /** A new matrix holding {@code values} in row-major order. */
  public static Matrix of(Precision precision, int rows, int cols, double... values) {
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          values.length + " values do not fill a " + rows + "×" + cols + " matrix");
    }
    Matrix m = zeros(precision, rows, cols);
    for (int k = 0; k < values.length; k++) {
      m.setFlat(k, values[k]);
    }
    return m;
  }

  /**
   * A float32 matrix that uses {@code values} (row-major) as its storage: no copy, so a loader
   * can hand over a large array it filled; the caller must not keep writing to it.
   */
  public static Matrix wrap(int rows, int cols, float[] values) {
    return new F32Matrix(rows, cols, values);
  }

  /** A float64 matrix that uses {@code values} (row-major) as its storage, as {@link #wrap(int, int, float[])}. */
  public static Matrix wrap(int rows, int cols, double[] values) {
    return new F64Matrix(rows, cols, values);
  }

  /** A 1×1 matrix. */
  public static Matrix scalar(Precision precision, double value) {
    return of(precision, 1, 1, value);
  }

  /** A new matrix from rows of equal length. */
  public static Matrix fromRows(Precision precision, double[][] data) {
    int cols = data.length == 0 ? 0 : data[0].length;
    Matrix m = zeros(precision, data.length, cols);
    for (int i = 0; i < data.length; i++) {
      if (data[i].length != cols) {
        throw new IllegalArgumentException("row " + i + " has " + data[i].length + " values, expected " + cols);
      }
      for (int j = 0; j < cols; j++) {
        m.set(i, j, data[i][j]);
      }
    }
    return m;
  }

  public final int rows() {
    return rows;
  }

  public final int cols() {
    return cols;
  }

  public final int size() {
    return rows * cols;
  }

  public abstract Precision precision();

  public final double get(int i, int j) {
    return getFlat(i * cols + j);
  }

  public final void set(int i, int j, double value) {
    setFlat(i * cols + j, value);
  }

  /** Element {@code k} in row-major order. */
  public abstract double getFlat(int k);

  public abstract void setFlat(int k, double value);

  /** A new zero matrix of the same precision and the given shape. */
  public final Matrix like(int rows, int cols) {
    return zeros(precision(), rows, cols);
  }

  /** A new zero matrix of the same precision and shape. */
  public final Matrix zerosLike() {
    return like(rows, cols);
  }

  public abstract Matrix copy();

  /** Copies {@code source}, of the same shape and any precision, into this matrix. */
  public abstract void copyFrom(Matrix source);

  /** Copies row {@code sourceRow} of {@code source} into row {@code row} of this matrix. */
  public abstract void copyRow(Matrix source, int sourceRow, int row);

  public abstract void fill(double value);

  /** This matrix in another precision (itself when it already is). */
  public final Matrix to(Precision precision) {
    if (precision == precision()) {
      return this;
    }
    Matrix m = zeros(precision, rows, cols);
    m.copyFrom(this);
    return m;
  }

  public final double[] toArray() {
    double[] out = new double[size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = getFlat(k);
    }
    return out;
  }

  public final double[] row(int i) {
    double[] out = new double[cols];
    for (int j = 0; j < cols; j++) {
      out[j] = get(i, j);
    }
    return out;
  }

  /** Sum of squares of all elements, accumulated in double. */
  public final double squaredNorm() {
    double s = 0;
    for (int k = 0, n = size(); k < n; k++) {
      double v = getFlat(k);
      s += v * v;
    }
    return s;
  }

  public final boolean sameShape(Matrix other) {
    return rows == other.rows && cols == other.cols;
  }

  public final String shape() {
    return rows + "×" + cols;
  }

  /** Throws unless {@code other} has this matrix's shape; {@code what} names the operation. */
  public final void requireShape(Matrix other, String what) {
    if (!sameShape(other)) {
      throw new IllegalArgumentException(what + ": shapes " + shape() + " and " + other.shape() + " differ");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(precision() + " " + shape() + " [");
    int shown = Math.min(size(), 12);
    for (int k = 0; k < shown; k++) {
      sb.append(k == 0 ? "" : ", ").append(getFlat(k));
    }
    return sb.append(size() > shown ? ", …]" : "]").toString();
  }

  /** Value equality within an absolute tolerance, for tests. */
  public final boolean equalsApprox(Matrix other, double tolerance) {
    if (!sameShape(other)) {
      return false;
    }
    for (int k = 0; k < size(); k++) {
      if (!(Math.abs(getFlat(k) - other.getFlat(k)) <= tolerance)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof Matrix m && m.precision() == precision() && sameShape(m)
        && Arrays.equals(toArray(), m.toArray());
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(toArray()) * 31 + rows;
  }
}
