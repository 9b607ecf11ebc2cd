package dev.descent.autodiff;

/**
 * {@code e^x} for {@code x ≤ 0}, the argument of every exponential in the sigmoid and in binary
 * cross-entropy from logits (both take {@code e^−|z|}), in plain Java arithmetic.
 *
 * <p>Why: {@code Math.exp} is a call into a JVM stub that the JIT neither inlines nor overlaps
 * with the loop around it; the course net's training step spent a third of its time in its 64
 * exponentials (docs/design.md, "Our own exponential"). Inlined, the reduction and the short polynomial below overlap
 * across loop iterations. Within about one unit in the last place, like {@code Math.exp}
 * (which Java allows that much); and the same on every JVM, which the intrinsic is not.
 *
 * <p>How: {@code x = (32k + j)·ln2/32 + r} with {@code |r| ≤ ln2/64}, so {@code e^x = 2^k ·
 * 2^(j/32) · e^r}: a table of the 32 values {@code 2^(j/32)}, and {@code e^r} by its Taylor
 * polynomial to r⁶ (the next term is below 4e-18). Below −700, where the result nears the
 * subnormals, and for NaN, it answers as {@code Math.exp}.
 *
 * <p>Written for a short dependency chain, which is what bounds a loop of exponentials (each
 * iteration's chain, not its arithmetic, keeps the out-of-order core waiting): 32k + j is
 * rounded by adding and subtracting 1.5·2⁵², whose low bits are then the integer (the same
 * round-half-even as {@code Math.rint}, without its rounding instruction and the conversion
 * after it), and the polynomial is evaluated in Estrin's pairs rather than Horner's chain
 * (in-process A/B of the course fits: GD −6 %, Adam −3 %, init-he −1 %; the same accuracy).
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

  /** 1.5·2⁵²: a double below 2⁵¹ in magnitude added to it is rounded to an integer, held in the low bits. */
  private static final double ROUNDING_SHIFT = 0x1.8p52;

  /** {@code e^x} for {@code x ≤ 0} (a positive x is not reduced correctly: use {@code Math.exp}). */
  public static double of(double x) {
    if (!(x >= -700)) {
      return Math.exp(x);
    }
    // |x·32/ln2| ≤ 32 320 here, far inside the shift's exact range
    double shifted = x * THIRTY_TWO_OVER_LN2 + ROUNDING_SHIFT;
    int n = (int) Double.doubleToRawLongBits(shifted);
    double rounded = shifted - ROUNDING_SHIFT;
    double r = (x - rounded * LN2_32_HI) - rounded * LN2_32_LO;
    double r2 = r * r;
    double p = 1 + (r + r2 * ((1.0 / 2 + r * (1.0 / 6)) + r2 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720))));
    double scale = Double.longBitsToDouble((long) ((n >> 5) + 1023) << 52);
    return TWO_TO_J_OVER_32[n & 31] * p * scale;
  }
}
