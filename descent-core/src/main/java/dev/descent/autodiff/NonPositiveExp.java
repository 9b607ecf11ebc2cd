package dev.descent.autodiff;

/**
 * {@code e^x} for {@code x ≤ 0}, the argument of every exponential in the sigmoid and in binary
 * cross-entropy from logits (both take {@code e^−|z|}), in plain Java arithmetic.
 *
 * <p>Why: {@code Math.exp} is a call into a JVM stub that the JIT neither inlines nor overlaps
 * with the loop around it, some 20 ns each; the course net's training step spent a third of its
 * time in its 64 exponentials. Inlined, the reduction and the short polynomial below overlap
 * across loop iterations. Within about one unit in the last place, like {@code Math.exp}
 * (which Java allows that much); and the same on every JVM, which the intrinsic is not.
 *
 * <p>How: {@code x = (32k + j)·ln2/32 + r} with {@code |r| ≤ ln2/64}, so {@code e^x = 2^k ·
 * 2^(j/32) · e^r}: a table of the 32 values {@code 2^(j/32)}, and {@code e^r} by its Taylor
 * polynomial to r⁶ (the next term is below 4e-18). Below −700, where the result nears the
 * subnormals, and for NaN, it answers as {@code Math.exp}.
 */
public final class NonPositiveExp {
  private NonPositiveExp() {}

  private static final double THIRTY_TWO_OVER_LN2 = 32 / Math.log(2);
  // ln2/32 in two parts (fdlibm's ln2_hi and ln2_lo over 32): n·HI is exact for |n| < 2^20
  private static final double LN2_32_HI = 6.93147180369123816490e-01 / 32;
  private static final double LN2_32_LO = 1.90821492927058770002e-10 / 32;
  private static final double[] TWO_TO_J_OVER_32 = new double[32];

  static {
    for (int j = 0; j < 32; j++) {
      TWO_TO_J_OVER_32[j] = StrictMath.pow(2, j / 32.0);
    }
  }

  /** {@code e^x} for {@code x ≤ 0} (a positive x is not reduced correctly: use {@code Math.exp}). */
  public static double of(double x) {
    if (!(x >= -700)) {
      return Math.exp(x);
    }
    int n = (int) Math.rint(x * THIRTY_TWO_OVER_LN2);
    double r = (x - n * LN2_32_HI) - n * LN2_32_LO;
    double p = 1 + (r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
    double scale = Double.longBitsToDouble((long) ((n >> 5) + 1023) << 52);
    return TWO_TO_J_OVER_32[n & 31] * p * scale;
  }
}
