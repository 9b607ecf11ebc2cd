package dev.descent.nn;

import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.MeanSquaredError;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Softmax;
import dev.descent.autodiff.SoftmaxCrossEntropy;
import dev.descent.autodiff.Variable;
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
