package dev.descent.data;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples as rows: {@code features} m × n (float64, or float32 when a loader read them for
 * float32 training: no float64 copy of a large set) and {@code targets} m × k in float64.
 *
 * <p>Targets: binary classification has k = 1 holding 0/1; K-class classification (K ≥ 3) is
 * one-hot, k = K; regression holds the values. {@code classNames} is empty for regression and
 * names class 0, 1, … otherwise (the names a CSV gave, or "0", "1", …).
 */
public record Dataset(String name, Matrix features, Matrix targets, List<String> classNames,
    List<String> featureNames) implements Examples {

  public Dataset {
    if (features.rows() != targets.rows()) {
      throw new IllegalArgumentException("data set '" + name + "': " + features.rows()
          + " feature rows but " + targets.rows() + " target rows");
    }
    targets = targets.to(Precision.F64);
    classNames = List.copyOf(classNames);
    featureNames = List.copyOf(featureNames);
  }

  /** A classification set from class indices; binary when there are two classes. */
  public static Dataset classification(String name, Matrix features, int[] labels,
      List<String> classNames, List<String> featureNames) {
    int k = classNames.size();
    if (k < 2) {
      throw new IllegalArgumentException("data set '" + name + "' has " + k + " class(es); classification needs at least 2");
    }
    Matrix targets = Matrix.zeros(Precision.F64, labels.length, k == 2 ? 1 : k);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException("data set '" + name + "' row " + i + ": label " + labels[i]
            + " is outside the classes 0.." + (k - 1));
      }
      if (k == 2) {
        targets.set(i, 0, labels[i]);
      } else {
        targets.set(i, labels[i], 1);
      }
    }
    return new Dataset(name, features, targets, classNames, featureNames);
  }

  /** Names "0", "1", … for {@code k} classes. */
  public static List<String> numberedClasses(int k) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  /** Names "x1", "x2", … for {@code n} features. */
  public static List<String> numberedFeatures(int n) {
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= n; j++) {
      names.add("x" + j);
    }
    return names;
  }

  @Override
  public int size() {
    return features.rows();
  }

  @Override
  public int featureCount() {
    return features.cols();
  }

  @Override
  public int targetCount() {
    return targets.cols();
  }

  @Override
  public boolean isResident() {
    return true;
  }

  @Override
  public void gather(int[] positions, int from, int count, Matrix x, Matrix y) {
    for (int k = 0; k < count; k++) {
      int row = positions == null ? from + k : positions[from + k];
      x.copyRow(features, row, k);
      if (y != null) {
        y.copyRow(targets, row, k);
      }
    }
  }

  /** The class index of row i (classification only). */
  @Override
  public int label(int i) {
    if (targets.cols() == 1) {
      return targets.get(i, 0) > 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < targets.cols(); j++) {
      if (targets.get(i, j) > targets.get(i, best)) {
        best = j;
      }
    }
    return best;
  }

  public int[] labels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }

  /** The rows {@code rows}, in that order. */
  public Dataset subset(String subsetName, int[] rows) {
    Matrix f = Matrix.zeros(features.precision(), rows.length, features.cols());
    Matrix t = Matrix.zeros(Precision.F64, rows.length, targets.cols());
    for (int i = 0; i < rows.length; i++) {
      f.copyRow(features, rows[i], i);
      t.copyRow(targets, rows[i], i);
    }
    return new Dataset(subsetName, f, t, classNames, featureNames);
  }

  /** The same examples with other features (e.g. standardized). */
  public Dataset withFeatures(Matrix newFeatures) {
    return new Dataset(name, newFeatures, targets, classNames, featureNames);
  }
}
