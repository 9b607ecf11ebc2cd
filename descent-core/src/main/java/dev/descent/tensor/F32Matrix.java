package dev.descent.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** A float32 matrix backed by a direct buffer that OpenBLAS reads without a copy. */
public final class F32Matrix extends Matrix {
  /** The elements in row-major order; absolute get/put only, the position stays 0. */
  public final FloatBuffer data;

  F32Matrix(int rows, int cols) {
    super(rows, cols);
    this.data = ByteBuffer.allocateDirect(Math.max(1, rows * cols) * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @Override
  public Precision precision() {
    return Precision.F32;
  }

  @Override
  public double getFlat(int k) {
    return data.get(k);
  }

  @Override
  public void setFlat(int k, double value) {
    data.put(k, (float) value);
  }

  @Override
  public Matrix copy() {
    F32Matrix m = new F32Matrix(rows(), cols());
    m.data.put(0, data, 0, size());
    return m;
  }

  @Override
  public void copyFrom(Matrix source) {
    requireShape(source, "copy");
    if (source instanceof F32Matrix s) {
      data.put(0, s.data, 0, size());
    } else {
      F64Matrix s = (F64Matrix) source;
      for (int k = 0, n = size(); k < n; k++) {
        data.put(k, (float) s.data.get(k));
      }
    }
  }

  @Override
  public void copyRow(Matrix source, int sourceRow, int row) {
    int n = cols();
    if (source instanceof F32Matrix s) {
      data.put(row * n, s.data, sourceRow * n, n);
    } else {
      F64Matrix s = (F64Matrix) source;
      for (int j = 0; j < n; j++) {
        data.put(row * n + j, (float) s.data.get(sourceRow * n + j));
      }
    }
  }

  @Override
  public void fill(double value) {
    float v = (float) value;
    for (int k = 0, n = size(); k < n; k++) {
      data.put(k, v);
    }
  }
}
