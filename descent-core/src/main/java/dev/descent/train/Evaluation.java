package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;

/**
 * A network's cost and accuracy on a data set, in inference mode (no dropout, running batch-norm
 * statistics). Accuracy is NaN for regression. A sigmoid output predicts class 1 above 0.5, a softmax its argmax (as {@link Metrics}).
 */
public record Evaluation(double cost, double accuracy, Matrix outputs) {

  public static Evaluation of(Network network, Dataset data) {
    Matrix features = data.features();
    Matrix outputs = network.predict(features);
    double cost = network.cost(features, data.targets());
    double accuracy = Double.NaN;
    if (data.isClassification()) {
      int correct = 0;
      for (int i = 0; i < data.size(); i++) {
        if (predictedClass(outputs, i) == data.label(i)) {
          correct++;
        }
      }
      accuracy = (double) correct / data.size();
    }
    return new Evaluation(cost, accuracy, outputs);
  }

  /**
   * The cost and accuracy of {@link #of} without the outputs: what training reads after each
   * epoch. A small dense network with one output (or a regression) is scored in one fused pass
   * ({@link Network#tally}), which gives the same two numbers without allocating.
   */
  public static Score score(Network network, Dataset data) {
    if (!data.isClassification() || data.targets().cols() == 1) {
      Network.Tally tally = network.tally(data.features(), data.targets());
      if (tally != null) {
        return new Score(tally.cost(), data.isClassification() ? (double) tally.agreeing() / data.size() : Double.NaN);
      }
    }
    Evaluation full = of(network, data);
    return new Score(full.cost(), full.accuracy());
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
