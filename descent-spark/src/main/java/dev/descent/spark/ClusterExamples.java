package dev.descent.spark;

import dev.descent.data.Examples;
import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * What the driver knows of a set that lives on the cluster: its size, features and classes, for
 * building the network and for the summary. Its examples stay on the executors; the driver holds
 * only the training set's first examples for the gradient-norm probe ({@code probeFeatures},
 * {@code probeTargets}, as many rows as a probe reads; null for dev and test). Reading any other
 * example here is a bug.
 */
record ClusterExamples(String name, int size, List<String> featureNames, List<String> classNames, Matrix probeFeatures, Matrix probeTargets)
    implements Examples {

  @Override
  public int featureCount() {
    return featureNames.size();
  }

  @Override
  public int targetCount() {
    return classNames.size() == 2 ? 1 : classNames.size();
  }

  @Override
  public int label(int position) {
    throw new AssertionError(name + " lives on the cluster: its labels are read by the executors");
  }

  @Override
  public void gather(int[] positions, int from, int count, Matrix x, Matrix y) {
    if (positions != null || probeFeatures == null || from + count > probeFeatures.rows()) {
      throw new AssertionError(name + " lives on the cluster: its examples are read by the executors (the driver holds the first "
          + (probeFeatures == null ? 0 : probeFeatures.rows()) + " for the gradient probe)");
    }
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < probeFeatures.cols(); j++) {
        x.set(i, j, probeFeatures.get(from + i, j));
      }
      for (int j = 0; j < probeTargets.cols(); j++) {
        y.set(i, j, probeTargets.get(from + i, j));
      }
    }
  }
}
