package dev.descent.regularize;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.util.List;

/**
 * Inverted dropout on activations A (m × n): each forward pass draws a keep mask D from its
 * {@link MaskSource} and writes {@code A ⊙ D / keepProb}; backward {@code dA += dOut ⊙ D / keepProb}
 * with the same D. Dividing by keepProb keeps the expected activation unchanged, so inference
 * needs no rescaling. No allocation after construction.
 */
public final class InvertedDropout extends Op {
  private final Variable a;
  private final double keepProb;
  private final MaskSource source;
  private final Rng rng;
  private final Matrix mask;

  public InvertedDropout(Variable a, double keepProb, MaskSource source, Rng rng) {
    super(List.of(a), Variable.result("dropout", a.value().zerosLike(), a.needsGrad()));
    this.a = a;
    this.keepProb = keepProb;
    this.source = source;
    this.rng = rng;
    this.mask = a.value().zerosLike();
  }

  /** The mask of the last forward pass (1 keep, 0 drop). */
  public Matrix mask() {
    return mask;
  }

  public double keepProb() {
    return keepProb;
  }

  @Override
  public void forward() {
    source.fill(mask, keepProb, rng);
    int n = mask.size();
    if (mask instanceof F64Matrix d) {
      scale64(((F64Matrix) a.value()).values, d.values, ((F64Matrix) out.value()).values, keepProb, n, false);
    } else {
      scale32(((F32Matrix) a.value()).values, ((F32Matrix) mask).values, ((F32Matrix) out.value()).values, keepProb, n, false);
    }
  }

  @Override
  public void backward() {
    int n = mask.size();
    if (mask instanceof F64Matrix d) {
      scale64(((F64Matrix) out.grad()).values, d.values, ((F64Matrix) a.grad()).values, keepProb, n, true);
    } else {
      scale32(((F32Matrix) out.grad()).values, ((F32Matrix) mask).values, ((F32Matrix) a.grad()).values, keepProb, n, true);
    }
  }

  /** {@code y = x ⊙ d / keepProb}, or {@code y += …} when accumulating a gradient. */
  private static void scale64(double[] x, double[] d, double[] y, double keepProb, int n, boolean add) {
    for (int k = 0; k < n; k++) {
      double v = x[k] * d[k] / keepProb;
      y[k] = add ? y[k] + v : v;
    }
  }

  private static void scale32(float[] x, float[] d, float[] y, double keepProb, int n, boolean add) {
    float inverse = (float) (1 / keepProb);
    for (int k = 0; k < n; k++) {
      float v = x[k] * d[k] * inverse;
      y[k] = add ? y[k] + v : v;
    }
  }

  @Override
  public String toString() {
    return "dropout(" + a.name() + ", keepProb=" + keepProb + ", masks " + source + ")";
  }
}
