package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Softmax along each row, shifted by the row maximum so that logits near 1000 do not overflow.
 * Backward: {@code dZ_i += y_i·(dA_i − Σ_j dA_j·y_j)}. Training uses the fused {@link
 * SoftmaxCrossEntropy} instead; this op serves predictions and users' own expressions.
 */
public final class Softmax extends Op {
  private final Variable z;

  public Softmax(Variable z) {
    super(List.of(z), Variable.result("softmax", z.value().zerosLike(), z.needsGrad()));
    this.z = z;
  }

  @Override
  public void forward() {
    rows(z.value(), out.value());
  }

  /** Writes the row-wise softmax of {@code logits} into {@code probabilities}. */
  public static void rows(Matrix logits, Matrix probabilities) {
    for (int i = 0, m = logits.rows(); i < m; i++) {
      row(logits, i, probabilities);
    }
  }

  /**
   * Writes the softmax of row i of {@code logits} into the same row of {@code probabilities} and
   * returns the row's log-sum-exp, {@code log Σ_j e^z_j}, for a cross-entropy: one exponential
   * per logit serves both. Every exponent, {@code z_j − max}, is at most 0, so {@link
   * NonPositiveExp} takes it (inlined, where {@code Math.exp} is a call). With
   * {@code probabilities} null, only the log-sum-exp (one example's cost).
   */
  static double row(Matrix logits, int i, Matrix probabilities) {
    int n = logits.cols();
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, logits.get(i, j));
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      double e = NonPositiveExp.of(logits.get(i, j) - max);
      if (probabilities != null) {
        probabilities.set(i, j, e);
      }
      sum += e;
    }
    for (int j = 0; probabilities != null && j < n; j++) {
      probabilities.set(i, j, probabilities.get(i, j) / sum);
    }
    return max + Math.log(sum);
  }

  @Override
  public void backward() {
    Matrix y = out.value();
    Matrix dy = out.grad();
    Matrix dz = z.grad();
    int n = y.cols();
    for (int i = 0, m = y.rows(); i < m; i++) {
      double dot = 0;
      for (int j = 0; j < n; j++) {
        dot += dy.get(i, j) * y.get(i, j);
      }
      for (int j = 0; j < n; j++) {
        dz.set(i, j, dz.get(i, j) + y.get(i, j) * (dy.get(i, j) - dot));
      }
    }
  }
}
