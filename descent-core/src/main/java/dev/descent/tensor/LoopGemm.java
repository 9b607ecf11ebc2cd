package dev.descent.tensor;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

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
      f32(((F32Matrix) a).data, transposeA, a.cols(), ((F32Matrix) b).data, transposeB, b.cols(),
          fc.data, c.rows(), c.cols(), k, (float) alpha, (float) beta);
    } else {
      f64(((F64Matrix) a).data, transposeA, a.cols(), ((F64Matrix) b).data, transposeB, b.cols(),
          ((F64Matrix) c).data, c.rows(), c.cols(), k, alpha, beta);
    }
  }

  private static void f32(FloatBuffer a, boolean ta, int lda, FloatBuffer b, boolean tb, int ldb,
      FloatBuffer c, int m, int n, int k, float alpha, float beta) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          float av = ta ? a.get(p * lda + i) : a.get(i * lda + p);
          float bv = tb ? b.get(j * ldb + p) : b.get(p * ldb + j);
          s += av * bv;
        }
        int idx = i * n + j;
        c.put(idx, beta == 0f ? alpha * s : alpha * s + beta * c.get(idx));
      }
    }
  }

  private static void f64(DoubleBuffer a, boolean ta, int lda, DoubleBuffer b, boolean tb, int ldb,
      DoubleBuffer c, int m, int n, int k, double alpha, double beta) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double av = ta ? a.get(p * lda + i) : a.get(i * lda + p);
          double bv = tb ? b.get(j * ldb + p) : b.get(p * ldb + j);
          s += av * bv;
        }
        int idx = i * n + j;
        c.put(idx, beta == 0 ? alpha * s : alpha * s + beta * c.get(idx));
      }
    }
  }
}
