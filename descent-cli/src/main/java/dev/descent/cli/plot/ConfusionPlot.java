package dev.descent.cli.plot;

import java.util.List;

/**
 * A confusion matrix: {@code counts[t][p]} examples of true class t predicted as class p (rows
 * true, columns predicted, K × K, K = {@code classNames.size()}). Each cell shows its count and
 * its share of the row (so the diagonal reads as each class's recall), coloured by that share;
 * the subtitle gives the accuracy, trace / total.
 *
 * <pre>{@code
 * ConfusionPlot.fromLabels("Dev set", List.of("cat", "dog"), yTrue, yPredicted);
 * }</pre>
 */
public record ConfusionPlot(String title, List<String> classNames, long[][] counts) {
  public ConfusionPlot {
    if (title == null) {
      throw new IllegalArgumentException("confusion matrix title = null: use \"\" for none");
    }
    if (classNames == null || classNames.size() < 2) {
      throw new IllegalArgumentException(
          "confusion matrix '" + title + "': class names = " + classNames
              + ": need at least 2 classes");
    }
    classNames = List.copyOf(classNames);
    int k = classNames.size();
    if (counts == null || counts.length != k) {
      throw new IllegalArgumentException(
          "confusion matrix '" + title + "': " + (counts == null ? "no" : counts.length)
              + " rows of counts for " + k + " class names; need " + k + " × " + k);
    }
    long[][] copy = new long[k][];
    for (int t = 0; t < k; t++) {
      if (counts[t] == null || counts[t].length != k) {
        throw new IllegalArgumentException(
            "confusion matrix '" + title + "': row " + t + " has "
                + (counts[t] == null ? "no" : counts[t].length) + " counts; need " + k);
      }
      for (int p = 0; p < k; p++) {
        if (counts[t][p] < 0) {
          throw new IllegalArgumentException(
              "confusion matrix '" + title + "': count [" + t + "][" + p + "] = " + counts[t][p]
                  + ": must be ≥ 0");
        }
      }
      copy[t] = counts[t].clone();
    }
    counts = copy;
  }

  /** Counts the pairs (actual[i], predicted[i]), class indices in [0, K). */
  public static ConfusionPlot fromLabels(
      String title, List<String> classNames, int[] actual, int[] predicted) {
    if (classNames == null || actual == null || predicted == null) {
      throw new IllegalArgumentException(
          "confusion matrix '" + title + "': class names and labels must not be null");
    }
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "confusion matrix '" + title + "': " + actual.length + " true labels but "
              + predicted.length + " predictions; need one prediction per example");
    }
    int k = classNames.size();
    long[][] counts = new long[k][k];
    for (int i = 0; i < actual.length; i++) {
      checkLabel(title, "true label", i, actual[i], k);
      checkLabel(title, "prediction", i, predicted[i], k);
      counts[actual[i]][predicted[i]]++;
    }
    return new ConfusionPlot(title, classNames, counts);
  }

  /** A copy of the counts. */
  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      copy[t] = counts[t].clone();
    }
    return copy;
  }

  long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  long rowTotal(int actual) {
    long sum = 0;
    for (long c : counts[actual]) {
      sum += c;
    }
    return sum;
  }

  long total() {
    long sum = 0;
    for (int t = 0; t < counts.length; t++) {
      sum += rowTotal(t);
    }
    return sum;
  }

  long correct() {
    long sum = 0;
    for (int t = 0; t < counts.length; t++) {
      sum += counts[t][t];
    }
    return sum;
  }

  private static void checkLabel(String title, String what, int i, int label, int k) {
    if (label < 0 || label >= k) {
      throw new IllegalArgumentException(
          "confusion matrix '" + title + "': " + what + " of example " + i + " = " + label
              + ": must be a class index in [0, " + k + ")");
    }
  }
}
