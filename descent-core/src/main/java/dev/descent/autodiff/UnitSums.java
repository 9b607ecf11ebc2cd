package dev.descent.autodiff;


/**
 * The passes of {@link DenseStack} that make one unit's values over a batch from other units':
 * weighted sums of unit rows ({@code Z = b + W·A}, {@code dA = Wᵀ·dZ}), each row an array of
 * the m examples, with a ReLU or its derivative applied in the last pass. Every loop runs over
 * the examples with one index into every array, which C2 vectorizes.
 */
final class UnitSums {
  private UnitSums() {}

  /** What the last pass of a sum does with its value. */
  enum LastPass {
    /** Store it. */
    STORE,
    /** Store it and its ReLU. */
    STORE_AND_RELU,
    /** Turn it into the ReLU's dZ from the ReLU's output, without storing it. */
    RELU_GRADIENT
  }

  /**
   * {@code out = start + x[0]·c[at] + x[1]·c[at + stride] + …} over {@code count} terms, added
   * left to right as the tape's kernels add them, in passes of up to three terms (a pass per term
   * or two cost a loop each, which for 64 examples is most of the work); the grouping into passes
   * does not change a bit. The last pass also does {@code lastMode}'s work: with
   * {@link LastPass#STORE_AND_RELU} {@code relu = max(out, 0)}, with {@link LastPass#RELU_GRADIENT}
   * {@code dz = 0 + out·g'} where {@code relu} holds the layer's ReLU output (and {@code out} is
   * not stored), as the separate activation passes computed them.
   */
  static void sumOfProducts(int m, float[] out, float start, float[][] x, float[] c, int at, int stride, int count,
      LastPass lastMode, float[] relu, float[] dz) {
    int first = count == 1 ? 1 : 2 + (count & 1);
    LastPass mode = first == count ? lastMode : LastPass.STORE;
    if (first == 1) {
      startOne(m, out, start, x[0], c[at], mode, relu, dz);
    } else if (first == 2) {
      startTwo(m, out, start, x[0], c[at], x[1], c[at + stride], mode, relu, dz);
    } else {
      startThree(m, out, start, x[0], c[at], x[1], c[at + stride], x[2], c[at + 2 * stride], mode, relu, dz);
    }
    for (int p = first; p < count; p += 2) {
      addTwoProducts(m, out, x[p], c[at + p * stride], x[p + 1], c[at + (p + 1) * stride],
          p + 2 == count ? lastMode : LastPass.STORE, relu, dz);
    }
  }

  private static void startOne(int m, float[] out, float s, float[] x0, float w0, LastPass mode, float[] relu,
      float[] dz) {
    if (mode == LastPass.STORE) {
      for (int i = 0; i < m; i++) {
        out[i] = s + x0[i] * w0;
      }
    } else if (mode == LastPass.STORE_AND_RELU) {
      for (int i = 0; i < m; i++) {
        float v = s + x0[i] * w0;
        out[i] = v;
        relu[i] = Math.max(v, 0f);
      }
    } else {
      for (int i = 0; i < m; i++) {
        dz[i] = 0f + (s + x0[i] * w0) * Pointwise.reluSlope(relu[i]);
      }
    }
  }

  private static void startTwo(int m, float[] out, float s, float[] x0, float w0, float[] x1, float w1,
      LastPass mode, float[] relu, float[] dz) {
    if (mode == LastPass.STORE) {
      for (int i = 0; i < m; i++) {
        out[i] = s + x0[i] * w0 + x1[i] * w1;
      }
    } else if (mode == LastPass.STORE_AND_RELU) {
      for (int i = 0; i < m; i++) {
        float v = s + x0[i] * w0 + x1[i] * w1;
        out[i] = v;
        relu[i] = Math.max(v, 0f);
      }
    } else {
      for (int i = 0; i < m; i++) {
        dz[i] = 0f + (s + x0[i] * w0 + x1[i] * w1) * Pointwise.reluSlope(relu[i]);
      }
    }
  }

  private static void startThree(int m, float[] out, float s, float[] x0, float w0, float[] x1, float w1, float[] x2,
      float w2, LastPass mode, float[] relu, float[] dz) {
    if (mode == LastPass.STORE) {
      for (int i = 0; i < m; i++) {
        out[i] = s + x0[i] * w0 + x1[i] * w1 + x2[i] * w2;
      }
    } else if (mode == LastPass.STORE_AND_RELU) {
      for (int i = 0; i < m; i++) {
        float v = s + x0[i] * w0 + x1[i] * w1 + x2[i] * w2;
        out[i] = v;
        relu[i] = Math.max(v, 0f);
      }
    } else {
      for (int i = 0; i < m; i++) {
        dz[i] = 0f + (s + x0[i] * w0 + x1[i] * w1 + x2[i] * w2) * Pointwise.reluSlope(relu[i]);
      }
    }
  }

  /** {@code out = (out + x0·w0) + x1·w1}: two more of a sum's terms in one pass, in order. */
  private static void addTwoProducts(int m, float[] out, float[] x0, float w0, float[] x1, float w1,
      LastPass mode, float[] relu, float[] dz) {
    if (mode == LastPass.STORE) {
      for (int i = 0; i < m; i++) {
        out[i] = out[i] + x0[i] * w0 + x1[i] * w1;
      }
    } else if (mode == LastPass.STORE_AND_RELU) {
      for (int i = 0; i < m; i++) {
        float v = out[i] + x0[i] * w0 + x1[i] * w1;
        out[i] = v;
        relu[i] = Math.max(v, 0f);
      }
    } else {
      for (int i = 0; i < m; i++) {
        dz[i] = 0f + (out[i] + x0[i] * w0 + x1[i] * w1) * Pointwise.reluSlope(relu[i]);
      }
    }
  }
}
