package dev.descent.train;

import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classification scores from a {@link ConfusionMatrix}: accuracy = correct / total and, per class
 * k, precision = TP/(TP + FP), recall = TP/(TP + FN), F1 = 2·P·R/(P + R); the macro averages are
 * plain means over all K classes. A ratio 0/0 (a class never predicted, never present, or with
 * P = R = 0) counts as 0, as scikit-learn's {@code zero_division=0}, so a class the model ignores
 * pulls the macro averages down rather than vanishing from them.
 *
 * <pre>{@code
 * Metrics m = Metrics.of(network.predict(X), Y);   // sigmoid column or softmax rows
 * m.accuracy();    // e.g. 0.625 for 5 of 8 right
 * m.precision(1);  // the positive class of a binary classifier
 * }</pre>
 */
public record Metrics(ConfusionMatrix confusion, double accuracy, List<ClassScore> classes,
    double macroPrecision, double macroRecall, double macroF1) {

  /** The scores of one class; {@code support} is the number of examples truly of that class. */
  public record ClassScore(int classIndex, double precision, double recall, double f1, long support) {}

  public Metrics {
    classes = List.copyOf(classes);
  }

  /** Scores predicted {@code probabilities} (m × 1 sigmoid, or m × K softmax) against {@code labels}. */
  public static Metrics of(Matrix probabilities, Matrix labels) {
    return of(ConfusionMatrix.of(probabilities, labels));
  }

  public static Metrics of(ConfusionMatrix c) {
    List<ClassScore> scores = new ArrayList<>();
    double sumP = 0;
    double sumR = 0;
    double sumF = 0;
    for (int k = 0; k < c.classes(); k++) {
      long tp = c.truePositives(k);
      double precision = ratio(tp, tp + c.falsePositives(k));
      double recall = ratio(tp, tp + c.falseNegatives(k));
      double f1 = ratio(2 * precision * recall, precision + recall);
      scores.add(new ClassScore(k, precision, recall, f1, c.support(k)));
      sumP += precision;
      sumR += recall;
      sumF += f1;
    }
    int k = c.classes();
    return new Metrics(c, ratio(c.correct(), c.total()), scores, sumP / k, sumR / k, sumF / k);
  }

  /** a/b, with 0/0 = 0. */
  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  public double precision(int k) {
    return score(k).precision();
  }

  public double recall(int k) {
    return score(k).recall();
  }

  public double f1(int k) {
    return score(k).f1();
  }

  /** The scores of class k. */
  public ClassScore score(int k) {
    if (k < 0 || k >= classes.size()) {
      throw new IllegalArgumentException("class " + k + " is outside [0, " + classes.size() + ")");
    }
    return classes.get(k);
  }

  /** Error rate, 1 − accuracy. */
  public double error() {
    return 1 - accuracy;
  }

  /** E.g. {@code accuracy 0.6250, macro precision 0.6250, macro recall 0.6333, macro F1 0.6190}, then a line per class. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "accuracy %.4f, macro precision %.4f, macro recall %.4f, macro F1 %.4f", accuracy, macroPrecision, macroRecall, macroF1));
    for (ClassScore s : classes) {
      sb.append(String.format(Locale.ROOT, "%n  class %d: precision %.4f, recall %.4f, F1 %.4f, support %d",
          s.classIndex(), s.precision(), s.recall(), s.f1(), s.support()));
    }
    return sb.toString();
  }
}
