package dev.descent.train;

import dev.descent.tensor.Matrix;
import java.util.Arrays;

/**
 * How often each true class was predicted as each class: {@code count(t, p)}, rows the true
 * class, columns the predicted class, so the diagonal holds the correct predictions.
 *
 * <p>From a network's outputs: an m × 1 column of sigmoid probabilities predicts class 1 when
 * {@code p > 0.5} (exactly 0.5 is class 0, as the course's {@code A > 0.5}); an m × K matrix of
 * softmax probabilities predicts its row's argmax (a tie goes to the lowest class). Labels are
 * a 0/1 column (binary), one-hot rows (m × K), or class indices in a column (m × 1, K classes).
 *
 * <pre>{@code
 * ConfusionMatrix c = ConfusionMatrix.of(Matrix.of(F64, 4, 1, 0.9, 0.2, 0.6, 0.4),
 *                                        Matrix.of(F64, 4, 1, 1, 0, 0, 1));
 * c.count(1, 1);   // 1 true positive; c.count(0, 1) = 1 false positive, c.count(1, 0) = 1 false negative
 * }</pre>
 */
public final class ConfusionMatrix {
  private final int classes;
  private final long[] counts;

  private ConfusionMatrix(int classes, long[] counts) {
    this.classes = classes;
    this.counts = counts;
  }

  /** Counts the predictions of {@code probabilities} (m × 1 or m × K) against {@code labels}. */
  public static ConfusionMatrix of(Matrix probabilities, Matrix labels) {
    if (probabilities.rows() != labels.rows()) {
      throw new IllegalArgumentException("probabilities have " + probabilities.rows() + " rows but labels have "
          + labels.rows() + "; give one label per example");
    }
    if (probabilities.rows() == 0) {
      throw new IllegalArgumentException("no examples to score: probabilities are " + probabilities.shape());
    }
    int k = classes(probabilities);
    return of(trueClasses(labels, k), predictedClasses(probabilities), k);
  }

  /** Counts pairs of class indices in [0, classes). */
  public static ConfusionMatrix of(int[] trueClasses, int[] predictedClasses, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes = " + classes + ": must be at least 2");
    }
    if (trueClasses.length != predictedClasses.length) {
      throw new IllegalArgumentException(trueClasses.length + " true classes but " + predictedClasses.length
          + " predicted classes; give one of each per example");
    }
    long[] counts = new long[classes * classes];
    for (int i = 0; i < trueClasses.length; i++) {
      checkClass(trueClasses[i], classes, "true", i);
      checkClass(predictedClasses[i], classes, "predicted", i);
      counts[trueClasses[i] * classes + predictedClasses[i]]++;
    }
    return new ConfusionMatrix(classes, counts);
  }

  /** From counts, row-major (true class, then predicted), as {@link #counts} gives them: e.g. sums of partitions' counts. */
  public static ConfusionMatrix ofCounts(int classes, long[] counts) {
    if (classes < 2 || counts.length != classes * classes) {
      throw new IllegalArgumentException(counts.length + " counts for " + classes + " classes: give classes² ≥ 4");
    }
    return new ConfusionMatrix(classes, counts.clone());
  }

  /** The counts, row-major: {@code counts()[t * classes() + p]} is {@link #count(int, int) count(t, p)}. */
  public long[] counts() {
    return counts.clone();
  }

  private static void checkClass(int c, int classes, String which, int row) {
    if (c < 0 || c >= classes) {
      throw new IllegalArgumentException("example " + row + ": " + which + " class " + c + " is outside [0, " + classes + ")");
    }
  }

  /** 2 for an m × 1 column of sigmoid probabilities, K for m × K. */
  static int classes(Matrix probabilities) {
    return probabilities.cols() == 1 ? 2 : probabilities.cols();
  }

  /** The predicted class of each row: {@code p > 0.5} for a column, the argmax otherwise. */
  public static int[] predictedClasses(Matrix probabilities) {
    int m = probabilities.rows();
    int n = probabilities.cols();
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      int best = 0;
      for (int j = 0; j < n; j++) {
        double p = probabilities.get(i, j);
        if (Double.isNaN(p)) {
          throw new IllegalArgumentException("probabilities row " + i + " column " + j + " is NaN; cannot predict a class");
        }
        if (p > probabilities.get(i, best)) {
          best = j;
        }
      }
      out[i] = n == 1 ? (probabilities.get(i, 0) > 0.5 ? 1 : 0) : best;
    }
    return out;
  }

  /**
   * The true class of each row of {@code labels}: a 0/1 column for 2 classes, one-hot rows
   * (m × classes), or a column of class indices.
   */
  public static int[] trueClasses(Matrix labels, int classes) {
    int m = labels.rows();
    int[] out = new int[m];
    if (labels.cols() == 1) {
      for (int i = 0; i < m; i++) {
        double y = labels.get(i, 0);
        if (!(y >= 0 && y < classes && y == Math.rint(y))) {
          throw new IllegalArgumentException("labels row " + i + ": " + y + " is not a class; "
              + (classes == 2 ? "binary labels must be 0 or 1" : "class indices must be integers in [0, " + classes + ")"));
        }
        out[i] = (int) y;
      }
      return out;
    }
    if (labels.cols() != classes) {
      throw new IllegalArgumentException("labels have " + labels.cols() + " columns for " + classes
          + " classes; give one-hot rows of " + classes + " or a column of class indices");
    }
    for (int i = 0; i < m; i++) {
      int hot = -1;
      for (int j = 0; j < classes; j++) {
        double y = labels.get(i, j);
        if (y == 1 && hot < 0) {
          hot = j;
        } else if (y != 0) {
          hot = -2;
          break;
        }
      }
      if (hot < 0) {
        throw new IllegalArgumentException("labels row " + i + ": " + Arrays.toString(labels.row(i))
            + " is not one-hot; each row must hold a single 1 and zeros");
      }
      out[i] = hot;
    }
    return out;
  }

  public int classes() {
    return classes;
  }

  /** Examples of true class {@code trueClass} predicted as {@code predictedClass}. */
  public long count(int trueClass, int predictedClass) {
    if (trueClass < 0 || trueClass >= classes || predictedClass < 0 || predictedClass >= classes) {
      throw new IllegalArgumentException("class pair (" + trueClass + ", " + predictedClass + ") is outside [0, " + classes + ")");
    }
    return counts[trueClass * classes + predictedClass];
  }

  public long total() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** The diagonal's sum. */
  public long correct() {
    long n = 0;
    for (int k = 0; k < classes; k++) {
      n += counts[k * classes + k];
    }
    return n;
  }

  public long truePositives(int k) {
    return count(k, k);
  }

  /** Predicted k but truly another class: column k less the diagonal. */
  public long falsePositives(int k) {
    return predicted(k) - truePositives(k);
  }

  /** Truly k but predicted another class: row k less the diagonal. */
  public long falseNegatives(int k) {
    return support(k) - truePositives(k);
  }

  /** Examples whose true class is k (row sum). */
  public long support(int k) {
    long n = 0;
    for (int p = 0; p < classes; p++) {
      n += count(k, p);
    }
    return n;
  }

  /** Examples predicted as k (column sum). */
  public long predicted(int k) {
    long n = 0;
    for (int t = 0; t < classes; t++) {
      n += count(t, k);
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix c && c.classes == classes && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  /** A table with true classes as rows and predicted classes as columns. */
  @Override
  public String toString() {
    int width = Math.max(4, Long.toString(total()).length() + 1);
    StringBuilder sb = new StringBuilder(String.format("%-10s", "true\\pred"));
    for (int p = 0; p < classes; p++) {
      sb.append(String.format("%" + width + "d", p));
    }
    for (int t = 0; t < classes; t++) {
      sb.append('\n').append(String.format("%-10d", t));
      for (int p = 0; p < classes; p++) {
        sb.append(String.format("%" + width + "d", counts[t * classes + p]));
      }
    }
    return sb.toString();
  }
}
