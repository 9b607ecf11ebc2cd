package dev.descent.regularize;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * A penalty on weight matrices as one 1×1 result, {@code c · Σ_l Σ_ij f(W[l]_ij)}, with
 * f(w) = w² ({@link Norm#SQUARED}, L2) or |w| ({@link Norm#ABSOLUTE}, L1). Backward:
 * {@code dW += dCost · c · f'(W)}, that is {@code 2c·W} or {@code c·sign(W)} (sign(0) = 0, as numpy).
 *
 * <p>{@link L2Penalty} and {@link L1Penalty} record it with c = λ/(2m); it is an op like any other,
 * so the penalty's gradient reaches dW through the tape, never as a term added beside it.
 */
public final class WeightPenalty extends Op {
  /** Which function of each weight is summed. */
  public enum Norm { SQUARED, ABSOLUTE }

  private final Norm norm;
  private final double coefficient;
  private final Variable[] weights;

  public WeightPenalty(Norm norm, double coefficient, List<Variable> weights) {
    super(weights, Variable.result(norm == Norm.SQUARED ? "l2" : "l1", scalarLike(weights), anyNeedsGrad(weights.toArray(new Variable[0]))));
    this.norm = norm;
    this.coefficient = coefficient;
    this.weights = weights.toArray(new Variable[0]);
  }

  private static Matrix scalarLike(List<Variable> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("weight penalty: no weight matrices given; a network has at least one dense layer");
    }
    return weights.get(0).value().like(1, 1);
  }

  @Override
  public void forward() {
    double sum = 0;
    for (Variable w : weights) {
      sum += norm == Norm.SQUARED ? w.value().squaredNorm() : absoluteSum(w.value());
    }
    out.value().setFlat(0, coefficient * sum);
  }

  private static double absoluteSum(Matrix m) {
    double s = 0;
    for (int k = 0, n = m.size(); k < n; k++) {
      s += Math.abs(m.getFlat(k));
    }
    return s;
  }

  @Override
  public void backward() {
    double scale = out.grad().getFlat(0) * coefficient;
    for (Variable w : weights) {
      if (w.needsGrad()) {
        if (w.value() instanceof F64Matrix v) {
          add64(norm, scale, v.values, ((F64Matrix) w.grad()).values, v.size());
        } else {
          add32(norm, (float) scale, ((F32Matrix) w.value()).values, ((F32Matrix) w.grad()).values, w.value().size());
        }
      }
    }
  }

  private static void add64(Norm norm, double scale, double[] w, double[] dw, int n) {
    if (norm == Norm.SQUARED) {
      double twice = 2 * scale;
      for (int k = 0; k < n; k++) {
        dw[k] = dw[k] + twice * w[k];
      }
    } else {
      for (int k = 0; k < n; k++) {
        dw[k] = dw[k] + scale * Math.signum(w[k]);
      }
    }
  }

  private static void add32(Norm norm, float scale, float[] w, float[] dw, int n) {
    if (norm == Norm.SQUARED) {
      float twice = 2 * scale;
      for (int k = 0; k < n; k++) {
        dw[k] = dw[k] + twice * w[k];
      }
    } else {
      for (int k = 0; k < n; k++) {
        dw[k] = dw[k] + scale * Math.signum(w[k]);
      }
    }
  }

  @Override
  public String toString() {
    return (norm == Norm.SQUARED ? "l2" : "l1") + " penalty × " + coefficient + " over " + weights.length + " weight matrices";
  }
}
