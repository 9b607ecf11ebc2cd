package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * ReLU's branch-free loops against the comparisons they replace, bit for bit: the forward is
 * {@code x > 0 ? x : 0}, the backward adds {@code dy} where {@code x > 0} and {@code dy·0}
 * elsewhere (0 of dy's sign, NaN for an infinite dy), and NaN in x gives NaN in both (as numpy
 * and PyTorch's forward). On every 97th float bit pattern (all of them pass; the test keeps to a
 * fraction for time), on random double patterns, and on the special values of both.
 */
class PointwiseReluTest {
  private static final float[] FLOAT_SPECIALS = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1f, -1f,
      Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
      Float.intBitsToFloat(0x7F800001), Float.intBitsToFloat(0xFFC00000), Float.intBitsToFloat(0xFFFFFFFF)};

  @Test
  void float32MatchesTheComparisonOnEveryPatternSampled() {
    int n = 4096;
    float[] x = new float[n];
    float[] y = new float[n];
    float[] dy = new float[n];
    float[] dx = new float[n];
    long pattern = 0;
    int checked = 0;
    while (pattern <= 0xFFFFFFFFL) {
      int filled = 0;
      for (; filled < n && pattern <= 0xFFFFFFFFL; filled++, pattern += 97) {
        x[filled] = Float.intBitsToFloat((int) pattern);
        dy[filled] = Float.intBitsToFloat((int) (pattern * 0x9E3779B9L));
        dx[filled] = filled % 3 == 0 ? -0f : 0.5f;
      }
      checkFloats(x, y, dy, dx, filled);
      checked += filled;
    }
    System.arraycopy(FLOAT_SPECIALS, 0, x, 0, FLOAT_SPECIALS.length);
    for (int k = 0; k < FLOAT_SPECIALS.length; k++) {
      dy[k] = FLOAT_SPECIALS[FLOAT_SPECIALS.length - 1 - k];
      dx[k] = -0f;
    }
    checkFloats(x, y, dy, dx, FLOAT_SPECIALS.length);
    assertEquals(44_278_014, checked, "patterns checked");
  }

  private static void checkFloats(float[] x, float[] y, float[] dy, float[] dx, int n) {
    float[] before = dx.clone();
    Pointwise.forward32(Pointwise.Function.RELU, x, y, n);
    Pointwise.backward32(Pointwise.Function.RELU, x, y, dy, dx, n);
    for (int k = 0; k < n; k++) {
      float v = x[k];
      float expected = Float.isNaN(v) ? Float.NaN : v > 0 ? v : 0f;
      float expectedDx = before[k] + (Float.isNaN(v) ? Float.NaN : v > 0 ? dy[k] : dy[k] * 0f);
      if (!same(expected, y[k]) || !same(expectedDx, dx[k])) {
        assertEquals(Integer.toHexString(Float.floatToRawIntBits(expected)) + " / " + Integer.toHexString(Float.floatToRawIntBits(expectedDx)),
            Integer.toHexString(Float.floatToRawIntBits(y[k])) + " / " + Integer.toHexString(Float.floatToRawIntBits(dx[k])),
            "relu of bits " + Integer.toHexString(Float.floatToRawIntBits(v)));
      }
    }
  }

  /** The same bits, or both NaN (whose payload the JIT may not keep). */
  private static boolean same(float expected, float actual) {
    return Float.isNaN(expected) ? Float.isNaN(actual) : Float.floatToRawIntBits(expected) == Float.floatToRawIntBits(actual);
  }

  private static boolean same(double expected, double actual) {
    return Double.isNaN(expected) ? Double.isNaN(actual) : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual);
  }

  @Test
  void float64MatchesTheComparison() {
    int n = 1 << 16;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] dy = new double[n];
    double[] dx = new double[n];
    Rng rng = Rng.of(5);
    for (int k = 0; k < n; k++) {
      x[k] = Double.longBitsToDouble(rng.nextLong());
      dy[k] = k % 2 == 0 ? rng.nextGaussian() : Double.longBitsToDouble(rng.nextLong());
      dx[k] = k % 3 == 0 ? -0.0 : 0.25;
    }
    double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7FF0000000000001L),
        Double.longBitsToDouble(0xFFFFFFFFFFFFFFFFL), Double.longBitsToDouble(0x8000000000000001L)};
    System.arraycopy(specials, 0, x, 0, specials.length);
    double[] before = dx.clone();
    Pointwise.forward64(Pointwise.Function.RELU, x, y, n);
    Pointwise.backward64(Pointwise.Function.RELU, x, y, dy, dx, n);
    for (int k = 0; k < n; k++) {
      double v = x[k];
      double expected = Double.isNaN(v) ? Double.NaN : v > 0 ? v : 0.0;
      double expectedDx = before[k] + (Double.isNaN(v) ? Double.NaN : v > 0 ? dy[k] : dy[k] * 0.0);
      assertTrue(same(expected, y[k]), "relu of " + v + ": " + y[k] + ", expected " + expected);
      assertTrue(same(expectedDx, dx[k]), "relu' of " + v + ": " + dx[k] + ", expected " + expectedDx);
    }
  }
}
