package dev.descent.tensor;

/**
 * The matrix product in plain loops, which the JIT compiles well for tiny shapes. Each
 * transpose case has its own kernel, with the loop order that walks memory contiguously in the
 * inner loop and no branch inside it.
 */
public final class LoopGemm implements Gemm {
  /** How many times longer one dimension must be for the strided "tall" kernels to pay. */
  static final int TALL = 4;

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    int m = c.rows();
    int n = c.cols();
    if (c instanceof F32Matrix fc) {
      float[] x = ((F32Matrix) a).values;
      float[] y = ((F32Matrix) b).values;
      float[] z = fc.values;
      float al = (float) alpha;
      scale32(z, c.size(), (float) beta);
      if (transposeA) {
        if (transposeB) {
          tt32(x, y, z, m, n, k, al);
        } else {
          if (k >= TALL * Math.max(m, n)) {
            tnLong32(x, y, z, m, n, k, al);
          } else {
            tn32(x, y, z, m, n, k, al);
          }
        }
      } else if (transposeB) {
        if (m >= TALL * Math.max(n, k)) {
          ntTall32(x, y, z, m, n, k, al);
        } else {
          nt32(x, y, z, m, n, k, al);
        }
      } else {
        if (m >= TALL * Math.max(n, k)) {
          nnTall32(x, y, z, m, n, k, al);
        } else {
          nn32(x, y, z, m, n, k, al);
        }
      }
    } else {
      double[] x = ((F64Matrix) a).values;
      double[] y = ((F64Matrix) b).values;
      double[] z = ((F64Matrix) c).values;
      scale64(z, c.size(), beta);
      if (transposeA) {
        if (transposeB) {
          tt64(x, y, z, m, n, k, alpha);
        } else {
          if (k >= TALL * Math.max(m, n)) {
            tnLong64(x, y, z, m, n, k, alpha);
          } else {
            tn64(x, y, z, m, n, k, alpha);
          }
        }
      } else if (transposeB) {
        if (m >= TALL * Math.max(n, k)) {
          ntTall64(x, y, z, m, n, k, alpha);
        } else {
          nt64(x, y, z, m, n, k, alpha);
        }
      } else {
        if (m >= TALL * Math.max(n, k)) {
          nnTall64(x, y, z, m, n, k, alpha);
        } else {
          nn64(x, y, z, m, n, k, alpha);
        }
      }
    }
  }

  /** Z = α·A·B (+ Z): row i of Z gathers rows of B weighted by row i of A; inner loop contiguous. */
  private static void nn32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int i = 0; i < m; i++) {
      int zi = i * n;
      int ai = i * k;
      for (int p = 0; p < k; p++) {
        float av = al * a[ai + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          z[zi + j] += av * b[bp + j];
        }
      }
    }
  }

  /** Z = α·Aᵀ·B (+ Z), A k×m: the weight gradient dW = dZᵀ·Aprev; inner loop contiguous. */
  private static void tn32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int p = 0; p < k; p++) {
      int ap = p * m;
      int bp = p * n;
      for (int i = 0; i < m; i++) {
        float av = al * a[ap + i];
        int zi = i * n;
        for (int j = 0; j < n; j++) {
          z[zi + j] += av * b[bp + j];
        }
      }
    }
  }

  /** Z = α·A·Bᵀ (+ Z), B n×k: the dense forward; dot products of contiguous rows. */
  private static void nt32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      int zi = i * n;
      for (int j = 0; j < n; j++) {
        int bj = j * k;
        float s = 0;
        for (int p = 0; p < k; p++) {
          s += a[ai + p] * b[bj + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  /** Z = α·Aᵀ·Bᵀ (+ Z): rare; A k×m, B n×k. */
  private static void tt32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int i = 0; i < m; i++) {
      int zi = i * n;
      for (int j = 0; j < n; j++) {
        float s = 0;
        for (int p = 0; p < k; p++) {
          s += a[p * m + i] * b[j * k + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  /**
   * The same products for tall, narrow shapes (a batch of many examples through a layer of a
   * few units, as in the course's nets): the innermost loop runs over the m rows, strided, so
   * that it is long; the contiguous kernels above would spin loops of 1 to 5 iterations.
   */
  private static void ntTall32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < k; p++) {
        float bv = al * b[j * k + p];
        for (int i = 0, zi = j, ai = p; i < m; i++, zi += n, ai += k) {
          z[zi] += a[ai] * bv;
        }
      }
    }
  }

  private static void nnTall32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        float bv = al * b[p * n + j];
        for (int i = 0, zi = j, ai = p; i < m; i++, zi += n, ai += k) {
          z[zi] += a[ai] * bv;
        }
      }
    }
  }

  /** Aᵀ·B with a long inner dimension k (dW = dZᵀ·Aprev over a batch): sums over k, two at a time. */
  private static void tnLong32(float[] a, float[] b, float[] z, int m, int n, int k, float al) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s0 = 0;
        float s1 = 0;
        int p = 0;
        for (; p + 1 < k; p += 2) {
          s0 += a[p * m + i] * b[p * n + j];
          s1 += a[(p + 1) * m + i] * b[(p + 1) * n + j];
        }
        if (p < k) {
          s0 += a[p * m + i] * b[p * n + j];
        }
        z[i * n + j] += al * (s0 + s1);
      }
    }
  }

  private static void scale32(float[] z, int size, float beta) {
    if (beta == 0) {
      java.util.Arrays.fill(z, 0, size, 0);
    } else if (beta != 1) {
      for (int q = 0; q < size; q++) {
        z[q] *= beta;
      }
    }
  }

  /** Z = α·A·B (+ Z): row i of Z gathers rows of B weighted by row i of A; inner loop contiguous. */
  private static void nn64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int i = 0; i < m; i++) {
      int zi = i * n;
      int ai = i * k;
      for (int p = 0; p < k; p++) {
        double av = al * a[ai + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          z[zi + j] += av * b[bp + j];
        }
      }
    }
  }

  /** Z = α·Aᵀ·B (+ Z), A k×m: the weight gradient dW = dZᵀ·Aprev; inner loop contiguous. */
  private static void tn64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int p = 0; p < k; p++) {
      int ap = p * m;
      int bp = p * n;
      for (int i = 0; i < m; i++) {
        double av = al * a[ap + i];
        int zi = i * n;
        for (int j = 0; j < n; j++) {
          z[zi + j] += av * b[bp + j];
        }
      }
    }
  }

  /** Z = α·A·Bᵀ (+ Z), B n×k: the dense forward; dot products of contiguous rows. */
  private static void nt64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      int zi = i * n;
      for (int j = 0; j < n; j++) {
        int bj = j * k;
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[ai + p] * b[bj + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  /** Z = α·Aᵀ·Bᵀ (+ Z): rare; A k×m, B n×k. */
  private static void tt64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int i = 0; i < m; i++) {
      int zi = i * n;
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[p * m + i] * b[j * k + p];
        }
        z[zi + j] += al * s;
      }
    }
  }

  /**
   * The same products for tall, narrow shapes (a batch of many examples through a layer of a
   * few units, as in the course's nets): the innermost loop runs over the m rows, strided, so
   * that it is long; the contiguous kernels above would spin loops of 1 to 5 iterations.
   */
  private static void ntTall64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < k; p++) {
        double bv = al * b[j * k + p];
        for (int i = 0, zi = j, ai = p; i < m; i++, zi += n, ai += k) {
          z[zi] += a[ai] * bv;
        }
      }
    }
  }

  private static void nnTall64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        double bv = al * b[p * n + j];
        for (int i = 0, zi = j, ai = p; i < m; i++, zi += n, ai += k) {
          z[zi] += a[ai] * bv;
        }
      }
    }
  }

  /** Aᵀ·B with a long inner dimension k (dW = dZᵀ·Aprev over a batch): sums over k, two at a time. */
  private static void tnLong64(double[] a, double[] b, double[] z, int m, int n, int k, double al) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s0 = 0;
        double s1 = 0;
        int p = 0;
        for (; p + 1 < k; p += 2) {
          s0 += a[p * m + i] * b[p * n + j];
          s1 += a[(p + 1) * m + i] * b[(p + 1) * n + j];
        }
        if (p < k) {
          s0 += a[p * m + i] * b[p * n + j];
        }
        z[i * n + j] += al * (s0 + s1);
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
