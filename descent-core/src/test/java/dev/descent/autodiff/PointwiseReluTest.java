package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * ReLU's branch-free loops against the comparison they replace ({@code x > 0 ? v : 0}), bit for
 * bit: on every 97th float bit pattern (all of them pass; the test keeps to a fraction for time),
 * on random double patterns, and on the special values of both.
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
      float expected = v > 0 ? v : 0f;
      float expectedDx = before[k] + (v > 0 ? dy[k] : 0f);
      if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(y[k])
          || Float.floatToRawIntBits(expectedDx) != Float.floatToRawIntBits(dx[k])) {
        assertEquals(Integer.toHexString(Float.floatToRawIntBits(expected)) + " / " + Integer.toHexString(Float.floatToRawIntBits(expectedDx)),
            Integer.toHexString(Float.floatToRawIntBits(y[k])) + " / " + Integer.toHexString(Float.floatToRawIntBits(dx[k])),
            "relu of bits " + Integer.toHexString(Float.floatToRawIntBits(v)));
      }
    }
  }

  @Test
  void float64MatchesTheComparison() {
    int n = 1 << 16;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] dy = new double[n];
    double[] dx = new double[n];
    Rng rng = new Rng(5);
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
      assertEquals(Double.doubleToRawLongBits(v > 0 ? v : 0.0), Double.doubleToRawLongBits(y[k]), "relu of " + v);
      assertEquals(Double.doubleToRawLongBits(before[k] + (v > 0 ? dy[k] : 0.0)), Double.doubleToRawLongBits(dx[k]), "relu' of " + v);
    }
  }
}
