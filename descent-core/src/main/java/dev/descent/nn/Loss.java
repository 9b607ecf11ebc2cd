package dev.descent.nn;

import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.MeanSquaredError;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Softmax;
import dev.descent.autodiff.SoftmaxCrossEntropy;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A loss on the last layer's logits, together with the output function it implies: binary
 * cross-entropy with a sigmoid, categorical cross-entropy with a softmax, mean squared error
 * with a linear output. Costs are means over the m examples.
 */
public enum Loss {
  BINARY_CROSS_ENTROPY,
  CATEGORICAL_CROSS_ENTROPY,
  MEAN_SQUARED_ERROR;

  /** The op computing the cost from logits and targets. */
  public Op cost(Variable logits, Variable targets) {
    return switch (this) {
      case BINARY_CROSS_ENTROPY -> new BinaryCrossEntropy(logits, targets);
      case CATEGORICAL_CROSS_ENTROPY -> new SoftmaxCrossEntropy(logits, targets);
      case MEAN_SQUARED_ERROR -> new MeanSquaredError(logits, targets);
    };
  }

  /**
   * The cost of one example, logits row {@code row} against targets row {@code targetRow}, summed
   * over its outputs as the {@link #cost} op sums them; that op's cost is the mean of these.
   */
  public double exampleCost(Matrix logits, int row, Matrix targets, int targetRow) {
    if (this == CATEGORICAL_CROSS_ENTROPY) {
      return SoftmaxCrossEntropy.exampleCost(logits, row, targets, targetRow);
    }
    double sum = 0;
    for (int c = 0, n = logits.cols(); c < n; c++) {
      double z = logits.get(row, c);
      double y = targets.get(targetRow, c);
      sum += this == BINARY_CROSS_ENTROPY ? BinaryCrossEntropy.elementLoss(z, y) : (z - y) * (z - y);
    }
    return sum;
  }

  /** The op turning logits into outputs: probabilities for the classifiers. */
  public Op output(Variable logits) {
    return switch (this) {
      case BINARY_CROSS_ENTROPY -> new Pointwise(Pointwise.Function.SIGMOID, logits);
      case CATEGORICAL_CROSS_ENTROPY -> new Softmax(logits);
      case MEAN_SQUARED_ERROR -> new Pointwise(Pointwise.Function.LINEAR, logits);
    };
  }

  public boolean classifies() {
    return this != MEAN_SQUARED_ERROR;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Loss parse(String name) {
    for (Loss l : values()) {
      if (l.label().equals(name.toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown loss '" + name + "'; expected one of "
        + Arrays.stream(values()).map(Loss::label).collect(Collectors.joining(", ")));
  }
}
