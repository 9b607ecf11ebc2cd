package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Mean categorical cross-entropy of softmax(Z) against one-hot labels Y, fused with the softmax:
 * cost {@code −(1/m)·Σ y·log softmax(z)} via log-sum-exp, and {@code dZ += (softmax(Z) − Y)/m}.
 */
public final class SoftmaxCrossEntropy extends Op {
  private final Variable z;
  private final Variable y;
  private final Matrix probabilities;

  public SoftmaxCrossEntropy(Variable logits, Variable oneHotLabels) {
    super(List.of(logits, oneHotLabels), Variable.result("cost", logits.value().like(1, 1), logits.needsGrad()));
    logits.value().requireShape(oneHotLabels.value(), "softmax cross-entropy of logits and labels");
    this.z = logits;
    this.y = oneHotLabels;
    this.probabilities = logits.value().zerosLike();
  }

  @Override
  public void forward() {
    Matrix zv = z.value();
    Matrix yv = y.value();
    int n = zv.cols();
    double sum = 0;
    for (int i = 0, m = zv.rows(); i < m; i++) {
      double logSumExp = Softmax.row(zv, i, probabilities);
      for (int j = 0; j < n; j++) {
        double label = yv.get(i, j);
        if (label != 0) {
          sum -= label * (zv.get(i, j) - logSumExp);
        }
      }
    }
    out.value().setFlat(0, sum / zv.rows());
  }

  /** The cost of one example: logits row {@code row} of z against one-hot row {@code labelRow} of y (the cost is their mean). */
  public static double exampleCost(Matrix z, int row, Matrix y, int labelRow) {
    // the same exponentials as the forward's, so that a gradient check's replay matches the tape
    double logSumExp = Softmax.row(z, row, null);
    double cost = 0;
    for (int j = 0, n = z.cols(); j < n; j++) {
      double label = y.get(labelRow, j);
      if (label != 0) {
        cost -= label * (z.get(row, j) - logSumExp);
      }
    }
    return cost;
  }

  @Override
  public void backward() {
    Matrix dz = z.grad();
    Matrix yv = y.value();
    double scale = out.grad().getFlat(0) / dz.rows();
    for (int k = 0, size = dz.size(); k < size; k++) {
      dz.setFlat(k, dz.getFlat(k) + scale * (probabilities.getFlat(k) - yv.getFlat(k)));
    }
  }
}
