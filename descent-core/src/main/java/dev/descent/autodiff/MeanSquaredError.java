package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Mean squared error {@code (1/m)·Σ_rows Σ_cols (a − y)²}: summed over a row's outputs, averaged
 * over the m examples (as the other losses). Backward: {@code dA += 2(A − Y)/m}.
 */
public final class MeanSquaredError extends Op {
  private final Variable a;
  private final Variable y;

  public MeanSquaredError(Variable predictions, Variable targets) {
    super(List.of(predictions, targets), Variable.result("cost", predictions.value().like(1, 1), predictions.needsGrad()));
    predictions.value().requireShape(targets.value(), "mean squared error of predictions and targets");
    this.a = predictions;
    this.y = targets;
  }

  @Override
  public void forward() {
    Matrix av = a.value();
    Matrix yv = y.value();
    double sum = 0;
    for (int k = 0, n = av.size(); k < n; k++) {
      double d = av.getFlat(k) - yv.getFlat(k);
      sum += d * d;
    }
    out.value().setFlat(0, sum / av.rows());
  }

  @Override
  public void backward() {
    Matrix av = a.value();
    Matrix yv = y.value();
    Matrix da = a.grad();
    double scale = 2 * out.grad().getFlat(0) / av.rows();
    for (int k = 0, n = av.size(); k < n; k++) {
      da.setFlat(k, da.getFlat(k) + scale * (av.getFlat(k) - yv.getFlat(k)));
    }
  }
}
