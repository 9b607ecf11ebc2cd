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
        // Z = A·Wᵀ: dot products of rows, both contiguous
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            float s = 0f;
            for (int p = 0, ai = i * k, bj = j * k; p < k; p++) {
              s += x[ai + p] * y[bj + p];
            }
            z[i * n + j] += al * s;
          }
        }
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
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = 0, ai = i * k, bj = j * k; p < k; p++) {
              s += x[ai + p] * y[bj + p];
            }
            z[i * n + j] += alpha * s;
          }
        }
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
