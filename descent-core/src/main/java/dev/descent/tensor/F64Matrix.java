package dev.descent.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/** A float64 matrix backed by a direct buffer that OpenBLAS reads without a copy. */
public final class F64Matrix extends Matrix {
  /** The elements in row-major order; absolute get/put only, the position stays 0. */
  public final DoubleBuffer data;

  F64Matrix(int rows, int cols) {
    super(rows, cols);
    this.data = ByteBuffer.allocateDirect(Math.max(1, rows * cols) * Double.BYTES)
        .order(ByteOrder.nativeOrder()).asDoubleBuffer();
  }

  @Override
  public Precision precision() {
    return Precision.F64;
  }

  @Override
  public double getFlat(int k) {
    return data.get(k);
  }

  @Override
  public void setFlat(int k, double value) {
    data.put(k, value);
  }

  @Override
  public Matrix copy() {
    F64Matrix m = new F64Matrix(rows(), cols());
    m.data.put(0, data, 0, size());
    return m;
  }

  @Override
  public void copyFrom(Matrix source) {
    requireShape(source, "copy");
    if (source instanceof F64Matrix s) {
      data.put(0, s.data, 0, size());
    } else {
      F32Matrix s = (F32Matrix) source;
      for (int k = 0, n = size(); k < n; k++) {
        data.put(k, s.data.get(k));
      }
    }
  }

  @Override
  public void copyRow(Matrix source, int sourceRow, int row) {
    int n = cols();
    if (source instanceof F64Matrix s) {
      data.put(row * n, s.data, sourceRow * n, n);
    } else {
      F32Matrix s = (F32Matrix) source;
      for (int j = 0; j < n; j++) {
        data.put(row * n + j, s.data.get(sourceRow * n + j));
      }
    }
  }

  @Override
  public void fill(double value) {
    double v = value;
    for (int k = 0, n = size(); k < n; k++) {
      data.put(k, v);
    }
  }
}
