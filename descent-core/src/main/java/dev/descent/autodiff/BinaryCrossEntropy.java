package dev.descent.autodiff;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Mean binary cross-entropy of sigmoid(Z) against labels Y, computed from the logits Z so that
 * it stays finite at any Z: per element {@code max(z,0) − z·y + log(1 + e^−|z|)}, averaged over
 * the m rows. Backward, fused with the sigmoid: {@code dZ += (σ(Z) − Y)/m · dCost}.
 *
 * <p>In float32 the logarithms are taken of products: {@code Σ log(1 + e^−|z|)} as the log of
 * the product of up to {@value #LOG_OF_PRODUCT} factors at a time (each in [1, 2], so no
 * overflow). One {@code Math.log} per {@value #LOG_OF_PRODUCT} elements instead of one each took
 * a quarter off the course net's training step; the sum is off by at most some 1e-14 (the
 * products' rounding), which the float32 cost rounds away. float64, which checks and golden
 * tests use, takes every element's log. The float32 forward keeps each σ(z), from the same
 * {@code e^−|z|} as the cost's term, for the backward, and the backward writes the logits'
 * gradient when it gives it its first contribution (as the loss always does after a network),
 * so a step takes one exponential per logit and no zeroing pass.
 */
public final class BinaryCrossEntropy extends Op {
  /** How many factors {@code 1 + e^−|z|} one float32 logarithm takes. */
  public static final int LOG_OF_PRODUCT = 256;

  private final Variable z;
  private final Variable y;
  /** float32: σ(z) per logit from the last forward, for the backward; null in float64. */
  private final float[] sigmoids;

  public BinaryCrossEntropy(Variable logits, Variable labels) {
    super(List.of(logits, labels), Variable.result("cost", logits.value().like(1, 1), logits.needsGrad()));
    logits.value().requireShape(labels.value(), "binary cross-entropy of logits and labels");
    this.z = logits;
    this.y = labels;
    this.sigmoids = logits.value() instanceof F32Matrix ? new float[logits.value().size()] : null;
  }

  /** Writes the logits' gradient when it is their first contribution (a gradient starts from +0, and 0 + g is written). */
  @Override
  protected boolean canOverwriteGrad(int i) {
    return i == 0;
  }

  @Override
  public void forward() {
    Matrix zv = z.value();
    Matrix yv = y.value();
    int n = zv.size();
    double sum = 0;
    if (zv instanceof F32Matrix fz) {
      float[] zb = fz.values;
      float[] yb = ((F32Matrix) yv).values;
      float[] sig = sigmoids;
      // the logs of the products of each run of LOG_OF_PRODUCT factors, taken after the run
      // rather than tested for in every iteration, so that only the arithmetic is in the loop
      for (int start = 0; start < n; start += LOG_OF_PRODUCT) {
        int end = Math.min(n, start + LOG_OF_PRODUCT);
        double product = 1;
        for (int k = start; k < end; k++) {
          double zk = zb[k];
          double e = NonPositiveExp.of(-Math.abs(zk));
          sum += Math.max(zk, 0) - zk * yb[k];
          product *= 1 + e;
          sig[k] = (float) (numerator(zk, e) / (1 + e));
        }
        sum += Math.log(product);
      }
    } else {
      double[] zb = ((F64Matrix) zv).values;
      double[] yb = ((F64Matrix) yv).values;
      for (int k = 0; k < n; k++) {
        sum += elementLoss(zb[k], yb[k]);
      }
    }
    out.value().setFlat(0, sum / zv.rows());
  }

  /** The cost of one logit z against its label y; the op's float64 cost is the sum of these over all entries, divided by the m rows. */
  public static double elementLoss(double z, double y) {
    return Math.max(z, 0) - z * y + log1pSmall(NonPositiveExp.of(-Math.abs(z)));
  }

  /**
   * log(1 + e) for e in [0, 1]: Math.log (a JIT intrinsic) where it is exact enough, a series
   * below 1e-4 where 1 + e would round away e. Math.log1p is several times slower.
   */
  public static double log1pSmall(double e) {
    return e < 1e-4 ? e * (1 - e * (0.5 - e / 3)) : Math.log(1 + e);
  }

  @Override
  public void backward() {
    Matrix zv = z.value();
    int n = zv.size();
    double scale = out.grad().getFlat(0) / zv.rows();
    if (zv instanceof F32Matrix fz) {
      float[] zb = fz.values;
      float[] yb = ((F32Matrix) y.value()).values;
      float[] dz = ((F32Matrix) z.grad()).values;
      float[] sig = sigmoids;
      float s = (float) scale;
      if (writesFirst(0)) {
        for (int k = 0; k < n; k++) {
          dz[k] = 0f + s * (sig[k] - yb[k]);
        }
      } else {
        for (int k = 0; k < n; k++) {
          dz[k] = dz[k] + s * (sig[k] - yb[k]);
        }
      }
    } else {
      double[] zb = ((F64Matrix) zv).values;
      double[] yb = ((F64Matrix) y.value()).values;
      double[] dz = ((F64Matrix) z.grad()).values;
      boolean write = writesFirst(0);
      for (int k = 0; k < n; k++) {
        dz[k] = (write ? 0.0 : dz[k]) + scale * (Pointwise.sigmoid(zb[k]) - yb[k]);
      }
    }
  }

  /**
   * σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, with e = e^−|z| (as {@link Pointwise#sigmoid}
   * computes it): the numerator, 1 or e, chosen by z's sign bit without a branch (a logit's sign
   * is a coin toss in training, and a mispredicted branch per logit costs more than the rest of
   * its sigmoid). For z = −0, e = 1 and both numerators are 1.
   */
  private static double numerator(double z, double e) {
    long negative = Double.doubleToRawLongBits(z) >> 63;
    return Double.longBitsToDouble((ONE_BITS & ~negative) | (Double.doubleToRawLongBits(e) & negative));
  }

  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
}
