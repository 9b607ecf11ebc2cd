package dev.descent.tensor;

/**
 * The matrix product in plain loops, which the JIT compiles well for tiny shapes. Each
 * transpose case gets the loop order that walks memory contiguously in the inner loop.
 */
public final class LoopGemm implements Gemm {

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    if (c instanceof F32Matrix fc) {
      float[] x = ((F32Matrix) a).values;
      float[] y = ((F32Matrix) b).values;
      float[] z = fc.values;
      scale32(z, c.size(), (float) beta);
      int m = c.rows();
      int n = c.cols();
      float al = (float) alpha;
      if (!transposeA && transposeB) {
        rowDots32(x, y, z, m, n, k, al);
      } else {
        int lda = a.cols();
        int ldb = b.cols();
        for (int i = 0; i < m; i++) {
          for (int p = 0; p < k; p++) {
            float av = al * (transposeA ? x[p * lda + i] : x[i * lda + p]);
            if (transposeB) {
              for (int j = 0; j < n; j++) {
                z[i * n + j] += av * y[j * ldb + p];
              }
            } else {
              for (int j = 0, row = p * ldb, out = i * n; j < n; j++) {
                z[out + j] += av * y[row + j];
              }
            }
          }
        }
      }
    } else {
      double[] x = ((F64Matrix) a).values;
      double[] y = ((F64Matrix) b).values;
      double[] z = ((F64Matrix) c).values;
      scale64(z, c.size(), beta);
      int m = c.rows();
      int n = c.cols();
      if (!transposeA && transposeB) {
        rowDots64(x, y, z, m, n, k, alpha);
      } else {
        int lda = a.cols();
        int ldb = b.cols();
        for (int i = 0; i < m; i++) {
          for (int p = 0; p < k; p++) {
            double av = alpha * (transposeA ? x[p * lda + i] : x[i * lda + p]);
            if (transposeB) {
              for (int j = 0; j < n; j++) {
                z[i * n + j] += av * y[j * ldb + p];
              }
            } else {
              for (int j = 0, row = p * ldb, out = i * n; j < n; j++) {
                z[out + j] += av * y[row + j];
              }
            }
          }
        }
      }
    }
  }

  /**
   * Z += α·A·Bᵀ, the dense forward product: dot products of contiguous rows, four columns of Z
   * at a time so that four independent sums hide the latency of each multiply-add.
   */
  private static void rowDots32(float[] x, float[] y, float[] z, int m, int n, int k, float al) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      int zi = i * n;
      int j = 0;
      for (; j + 3 < n; j += 4) {
        int b0 = j * k;
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int p = 0; p < k; p++) {
          float a = x[ai + p];
          s0 += a * y[b0 + p];
          s1 += a * y[b1 + p];
          s2 += a * y[b2 + p];
          s3 += a * y[b3 + p];
        }
        z[zi + j] += al * s0;
        z[zi + j + 1] += al * s1;
        z[zi + j + 2] += al * s2;
        z[zi + j + 3] += al * s3;
      }
      for (; j < n; j++) {
        float s = 0f;
        for (int p = 0, bj = j * k; p < k; p++) {
          s += x[ai + p] * y[bj + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  private static void rowDots64(double[] x, double[] y, double[] z, int m, int n, int k, double al) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      int zi = i * n;
      int j = 0;
      for (; j + 3 < n; j += 4) {
        int b0 = j * k;
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int p = 0; p < k; p++) {
          double a = x[ai + p];
          s0 += a * y[b0 + p];
          s1 += a * y[b1 + p];
          s2 += a * y[b2 + p];
          s3 += a * y[b3 + p];
        }
        z[zi + j] += al * s0;
        z[zi + j + 1] += al * s1;
        z[zi + j + 2] += al * s2;
        z[zi + j + 3] += al * s3;
      }
      for (; j < n; j++) {
        double s = 0;
        for (int p = 0, bj = j * k; p < k; p++) {
          s += x[ai + p] * y[bj + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  private static void scale32(float[] z, int size, float beta) {
    if (beta == 0f) {
      java.util.Arrays.fill(z, 0, size, 0f);
    } else if (beta != 1f) {
      for (int q = 0; q < size; q++) {
        z[q] *= beta;
      }
    }
  }

  private static void scale64(double[] z, int size, double beta) {
    if (beta == 0) {
      java.util.Arrays.fill(z, 0, size, 0);
    } else if (beta != 1) {
      for (int q = 0; q < size; q++) {
        z[q] *= beta;
      }
    }
  }
}
