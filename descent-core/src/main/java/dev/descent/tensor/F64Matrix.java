package dev.descent.tensor;

import java.nio.DoubleBuffer;

/** A float64 matrix backed by a heap buffer (JIT-friendly loops; OpenBLAS calls stage it off-heap). */
public final class F64Matrix extends Matrix {
  /**
   * The elements in row-major order: a heap buffer, absolute get/put only (the position stays
   * 0). Heap, not direct: the JIT compiles element access on direct buffers poorly in loops.
   */
  public final DoubleBuffer data;

  /** The same elements as {@link #data}, as the array the hot loops index directly. */
  public final double[] values;

  F64Matrix(int rows, int cols) {
    this(rows, cols, new double[Math.max(rows, 0) * Math.max(cols, 0)]);   // negative: super says so
  }

  /** Takes {@code values} as its storage, without copying. */
  F64Matrix(int rows, int cols, double[] values) {
    super(rows, cols);
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException(values.length + " values do not fill a " + rows + "×" + cols + " matrix");
    }
    this.values = values;
    this.data = DoubleBuffer.wrap(values);
  }

  @Override
  public Precision precision() {
    return Precision.F64;
  }

  @Override
  public double getFlat(int k) {
    return values[k];
  }

  @Override
  public void setFlat(int k, double value) {
    values[k] = value;
  }

  @Override
  public Matrix copy() {
    F64Matrix m = new F64Matrix(rows(), cols());
    System.arraycopy(values, 0, m.values, 0, size());
    return m;
  }

  @Override
  public void copyFrom(Matrix source) {
    requireShape(source, "copy");
    if (source instanceof F64Matrix s) {
      System.arraycopy(s.values, 0, values, 0, size());
    } else {
      F32Matrix s = (F32Matrix) source;
      for (int k = 0, n = size(); k < n; k++) {
        values[k] = s.values[k];
      }
    }
  }

  @Override
  public void copyRow(Matrix source, int sourceRow, int row) {
    int n = cols();
    if (source instanceof F64Matrix s) {
      if (n < 16) {
        // short rows (the course's 2-feature batches, biases): a plain loop beats arraycopy's call
        double[] src = s.values;
        for (int j = 0, from = sourceRow * n, to = row * n; j < n; j++) {
          values[to + j] = src[from + j];
        }
      } else {
        System.arraycopy(s.values, sourceRow * n, values, row * n, n);
      }
    } else {
      F32Matrix s = (F32Matrix) source;
      for (int j = 0; j < n; j++) {
        values[row * n + j] = s.values[sourceRow * n + j];
      }
    }
  }

  @Override
  public void fill(double value) {
    double v = value;
    java.util.Arrays.fill(values, 0, size(), v);
  }
}
