package dev.descent.autodiff;

/**
 * The reductions of {@link DenseStack}: sums over a batch's examples of products of unit
 * rows ({@code dW = dZ·Aᵀ}) and of rows ({@code db}), several independent sums per loop so that
 * the adders are not waiting on one chain. Each keeps the order its doc names, which is what
 * makes the fused numbers the unfused tape's.
 */
final class ExampleSums {
  private ExampleSums() {}

  /**
   * A block of eight sums {@code s(r, c) = Σ_i d_r[i]·x_c[i]}, r < 2, c < 4, one run over the
   * examples each, stored at {@code out[at + r·rowStride + c·colStride]}. Per example it loads six
   * values for eight multiply-adds. A 4 × 2 block of dW is the same eight products with the roles
   * swapped (its two inputs as d, its four dZ rows as x, the strides exchanged): multiplication
   * commutes, so it is the same numbers.
   */
  static void blockSums(int m, float[] d0, float[] d1, float[] x0, float[] x1, float[] x2, float[] x3, float[] out,
      int at, int rowStride, int colStride) {
    float s00 = 0;
    float s01 = 0;
    float s02 = 0;
    float s03 = 0;
    float s10 = 0;
    float s11 = 0;
    float s12 = 0;
    float s13 = 0;
    for (int i = 0; i < m; i++) {
      float a0 = d0[i];
      float a1 = d1[i];
      float b0 = x0[i];
      float b1 = x1[i];
      float b2 = x2[i];
      float b3 = x3[i];
      s00 += a0 * b0;
      s01 += a0 * b1;
      s02 += a0 * b2;
      s03 += a0 * b3;
      s10 += a1 * b0;
      s11 += a1 * b1;
      s12 += a1 * b2;
      s13 += a1 * b3;
    }
    int second = at + rowStride;
    out[at] = s00;
    out[at + colStride] = s01;
    out[at + 2 * colStride] = s02;
    out[at + 3 * colStride] = s03;
    out[second] = s10;
    out[second + colStride] = s11;
    out[second + 2 * colStride] = s12;
    out[second + 3 * colStride] = s13;
  }

  /** {@code 0 + (Σ_even d·x + Σ_odd d·x)}, the zero being the tape's zeroed gradient. */
  static float evenOddSum(int m, float[] d, float[] x) {
    float s0 = 0;
    float s1 = 0;
    int i = 0;
    for (; i + 1 < m; i += 2) {
      s0 += d[i] * x[i];
      s1 += d[i + 1] * x[i + 1];
    }
    if (i < m) {
      s0 += d[i] * x[i];
    }
    return 0f + (s0 + s1);
  }

  static void evenOddSums2(int m, float[] d, float[] x0, float[] x1, float[] out, int at) {
    float e0 = 0;
    float o0 = 0;
    float e1 = 0;
    float o1 = 0;
    int i = 0;
    for (; i + 1 < m; i += 2) {
      float dEven = d[i];
      float dOdd = d[i + 1];
      e0 += dEven * x0[i];
      o0 += dOdd * x0[i + 1];
      e1 += dEven * x1[i];
      o1 += dOdd * x1[i + 1];
    }
    if (i < m) {
      e0 += d[i] * x0[i];
      e1 += d[i] * x1[i];
    }
    out[at] = 0f + (e0 + o0);
    out[at + 1] = 0f + (e1 + o1);
  }

  static void evenOddSums4(int m, float[] d, float[] x0, float[] x1, float[] x2, float[] x3, float[] out, int at) {
    float e0 = 0;
    float o0 = 0;
    float e1 = 0;
    float o1 = 0;
    float e2 = 0;
    float o2 = 0;
    float e3 = 0;
    float o3 = 0;
    int i = 0;
    for (; i + 1 < m; i += 2) {
      float dEven = d[i];
      float dOdd = d[i + 1];
      e0 += dEven * x0[i];
      o0 += dOdd * x0[i + 1];
      e1 += dEven * x1[i];
      o1 += dOdd * x1[i + 1];
      e2 += dEven * x2[i];
      o2 += dOdd * x2[i + 1];
      e3 += dEven * x3[i];
      o3 += dOdd * x3[i + 1];
    }
    if (i < m) {
      e0 += d[i] * x0[i];
      e1 += d[i] * x1[i];
      e2 += d[i] * x2[i];
      e3 += d[i] * x3[i];
    }
    out[at] = 0f + (e0 + o0);
    out[at + 1] = 0f + (e1 + o1);
    out[at + 2] = 0f + (e2 + o2);
    out[at + 3] = 0f + (e3 + o3);
  }

  /** One run over the examples from the zeroed gradient. */
  static float runSum(int m, float[] d, float[] x) {
    float s = 0f;
    for (int i = 0; i < m; i++) {
      s += d[i] * x[i];
    }
    return s;
  }

  /**
   * {@code targets[r][indices[r]] = Σ_i rows[r][i]}, example by example, eight rows side by side
   * (independent sums keep the adders busy); {@code rows.length} a multiple of eight.
   */
  static void rowSumsByEight(int m, float[][] rows, float[][] targets, int[] indices) {
    for (int r = 0; r < rows.length; r += 8) {
      float[] d0 = rows[r];
      float[] d1 = rows[r + 1];
      float[] d2 = rows[r + 2];
      float[] d3 = rows[r + 3];
      float[] d4 = rows[r + 4];
      float[] d5 = rows[r + 5];
      float[] d6 = rows[r + 6];
      float[] d7 = rows[r + 7];
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      float s4 = 0f;
      float s5 = 0f;
      float s6 = 0f;
      float s7 = 0f;
      for (int i = 0; i < m; i++) {
        s0 += d0[i];
        s1 += d1[i];
        s2 += d2[i];
        s3 += d3[i];
        s4 += d4[i];
        s5 += d5[i];
        s6 += d6[i];
        s7 += d7[i];
      }
      targets[r][indices[r]] = s0;
      targets[r + 1][indices[r + 1]] = s1;
      targets[r + 2][indices[r + 2]] = s2;
      targets[r + 3][indices[r + 3]] = s3;
      targets[r + 4][indices[r + 4]] = s4;
      targets[r + 5][indices[r + 5]] = s5;
      targets[r + 6][indices[r + 6]] = s6;
      targets[r + 7][indices[r + 7]] = s7;
    }
  }
}
