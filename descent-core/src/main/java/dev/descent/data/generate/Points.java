package dev.descent.data.generate;

import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;

/** Rows collected class by class, then shuffled into a {@link Dataset}. */
final class Points {
  private final Matrix x;
  private final int[] labels;
  private final int classes;
  private int count;

  Points(int examples, int features, int classes) {
    this.x = Matrix.zeros(Precision.F64, examples, features);
    this.labels = new int[examples];
    this.classes = classes;
  }

  /** Examples of class c: m / K, plus one for the first m mod K classes. */
  int perClass(int c) {
    int m = labels.length;
    return m / classes + (c < m % classes ? 1 : 0);
  }

  void add(int label, double... values) {
    for (int j = 0; j < values.length; j++) {
      x.set(count, j, values[j]);
    }
    labels[count++] = label;
  }

  /** Shuffled, so that the first rows are not all of class 0 (as sklearn's shuffle=True). */
  Dataset toDataset(String name, Rng rng) {
    if (count != labels.length) {
      throw new AssertionError(name + ": generated " + count + " of " + labels.length + " examples");
    }
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    rng.shuffle(order);
    Matrix shuffled = x.zerosLike();
    int[] shuffledLabels = new int[count];
    for (int i = 0; i < count; i++) {
      shuffled.copyRow(x, order[i], i);
      shuffledLabels[i] = labels[order[i]];
    }
    return Dataset.classification(name, shuffled, shuffledLabels, Dataset.numberedClasses(classes),
        Dataset.numberedFeatures(x.cols()));
  }
}
