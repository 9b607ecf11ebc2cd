package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.tensor.Matrix;

/**
 * A network's cost and accuracy on a data set (with the outputs and, for a classifier, the
 * confusion-matrix metrics), in inference mode (no dropout, running batch-norm
 * statistics). Accuracy is NaN for regression. A sigmoid output predicts class 1 above 0.5, a softmax its argmax (as {@link Metrics}).
 */
public record Evaluation(double cost, double accuracy, Matrix outputs, Metrics metrics) {

  /**
   * The cost, accuracy and (for a classifier) metrics of {@code set}; the outputs too when the
   * set is resident. A streamed set is read in chunks and its outputs are not kept (null): they
   * could be larger than the heap.
   */
  public static Evaluation of(Network network, Examples set) {
    int[] predicted = set.isClassification() ? new int[set.size()] : null;
    if (!(set instanceof Dataset data)) {
      Score score = score(network, set, predicted);
      return new Evaluation(score.cost(), score.accuracy(), null, metrics(set, predicted));
    }
    Matrix features = data.features();
    Matrix outputs = network.predict(features);
    double cost = network.cost(features, data.targets());
    double accuracy = Double.NaN;
    if (predicted != null) {
      int correct = 0;
      for (int i = 0; i < data.size(); i++) {
        predicted[i] = predictedClass(outputs, i);
        correct += predicted[i] == data.label(i) ? 1 : 0;
      }
      accuracy = (double) correct / data.size();
    }
    return new Evaluation(cost, accuracy, outputs, metrics(set, predicted));
  }

  /**
   * Scores from the classes {@link #predictedClass} gave (the accuracy's own rule, so that a
   * diverged network's NaN outputs still give a confusion matrix that agrees with it); null for
   * a regression.
   */
  private static Metrics metrics(Examples set, int[] predicted) {
    if (predicted == null) {
      return null;
    }
    int[] truth = new int[set.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = set.label(i);
    }
    return Metrics.of(ConfusionMatrix.of(truth, predicted, Math.max(2, set.classCount())));
  }

  /**
   * The cost and accuracy of {@link #of} without the outputs: what training reads after each
   * epoch. A resident set is read in place, so that nothing is allocated.
   */
  public static Score score(Network network, Examples set) {
    return score(network, set, null);
  }

  /** Rows gathered at a time from a set that is not resident. */
  private static final int CHUNK = 1024;

  /**
   * The cost and accuracy of a set read in chunks of 1 024 examples, in inference mode, without
   * holding its outputs: what a set too large for the heap is evaluated with (a resident set is
   * loaded from its own matrices, without a buffer). {@code predicted},
   * when not null, receives each example's predicted class (for a confusion matrix).
   */
  public static Score score(Network network, Examples set, int[] predicted) {
    int m = set.size();
    Dataset resident = set instanceof Dataset d ? d : null;
    Matrix x = resident != null ? resident.features() : Matrix.zeros(network.precision(), Math.min(CHUNK, m), network.inputs());
    Matrix y = resident != null ? resident.targets() : Matrix.zeros(network.precision(), Math.min(CHUNK, m), network.outputs());
    double total = 0;
    int correct = 0;
    for (int from = 0; from < m; from += CHUNK) {
      int count = Math.min(CHUNK, m - from);
      if (resident == null) {
        set.gather(null, from, count, x, y);
      }
      Plan plan = network.plan(count, Mode.INFER);
      plan.load(x, y, null, resident == null ? 0 : from);
      total += plan.forward() * count;
      if (set.isClassification()) {
        Matrix out = plan.output().value();
        for (int i = 0; i < count; i++) {
          int c = predictedClass(out, i);
          correct += c == set.label(from + i) ? 1 : 0;
          if (predicted != null) {
            predicted[from + i] = c;
          }
        }
      }
    }
    return new Score(total / m, set.isClassification() ? (double) correct / m : Double.NaN);
  }

  /** A cost and an accuracy (NaN for a regression). */
  public record Score(double cost, double accuracy) {}

  /** The class of row i of network outputs: sigmoid above 0.5, else argmax (lowest on ties). */
  public static int predictedClass(Matrix outputs, int i) {
    if (outputs.cols() == 1) {
      return outputs.get(i, 0) > 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < outputs.cols(); j++) {
      if (outputs.get(i, j) > outputs.get(i, best)) {
        best = j;
      }
    }
    return best;
  }
}
