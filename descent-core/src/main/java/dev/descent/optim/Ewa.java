package dev.descent.optim;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;

/**
 * The exponentially weighted average {@code v_t = β·v_(t−1) + (1−β)·θ_t}, v_0 = 0, optionally bias
 * corrected as {@code v_t / (1 − β^t)}. It averages over roughly the last 1/(1−β) values.
 *
 * <pre>{@code
 * Ewa ewa = new Ewa(0.9, true);
 * ewa.add(10);   // 10.0: the corrected average of one value is that value
 * }</pre>
 */
public final class Ewa {
  private final double beta;
  private final boolean biasCorrection;
  private double v;
  private long t;

  public Ewa(double beta, boolean biasCorrection) {
    this.beta = checkBeta(beta, "beta");
    this.biasCorrection = biasCorrection;
  }

  /** Validates an averaging weight: β in [0, 1). */
  public static double checkBeta(double beta, String name) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException(name + " = " + beta + ": must be in [0, 1)");
    }
    return beta;
  }

  /** Adds θ_t and returns the (corrected, if asked) average. */
  public double add(double theta) {
    t++;
    v = beta * v + (1 - beta) * theta;
    return biasCorrection ? v / (1 - Math.pow(beta, t)) : v;
  }

  /** The average after each value of {@code series}. */
  public static double[] series(double[] series, double beta, boolean biasCorrection) {
    Ewa ewa = new Ewa(beta, biasCorrection);
    double[] out = new double[series.length];
    for (int i = 0; i < series.length; i++) {
      out[i] = ewa.add(series[i]);
    }
    return out;
  }

  /** The rule of thumb: an average over about 1/(1−β) values. */
  public static double horizon(double beta) {
    return 1 / (1 - beta);
  }

  /** {@code v = β·v + (1−β)·θ} element-wise, in place. No allocation. */
  public static void update(Matrix v, Matrix theta, double beta) {
    int n = v.size();
    if (v instanceof F32Matrix fv) {
      float[] a = fv.values;
      float[] b = ((F32Matrix) theta).values;
      float bt = (float) beta;
      float one = (float) (1 - beta);
      for (int k = 0; k < n; k++) {
        a[k] = bt * a[k] + one * b[k];
      }
    } else {
      double[] a = ((F64Matrix) v).values;
      double[] b = ((F64Matrix) theta).values;
      for (int k = 0; k < n; k++) {
        a[k] = beta * a[k] + (1 - beta) * b[k];
      }
    }
  }

  /** {@code v = β·v + (1−β)·θ²} element-wise, in place: the second moment of RMSprop and Adam. */
  public static void updateSquares(Matrix v, Matrix theta, double beta) {
    int n = v.size();
    if (v instanceof F32Matrix fv) {
      float[] a = fv.values;
      float[] b = ((F32Matrix) theta).values;
      float bt = (float) beta;
      float one = (float) (1 - beta);
      for (int k = 0; k < n; k++) {
        float g = b[k];
        a[k] = bt * a[k] + one * g * g;
      }
    } else {
      double[] a = ((F64Matrix) v).values;
      double[] b = ((F64Matrix) theta).values;
      for (int k = 0; k < n; k++) {
        double g = b[k];
        a[k] = beta * a[k] + (1 - beta) * g * g;
      }
    }
  }
}
