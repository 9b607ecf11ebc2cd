package dev.descent.spark;

import dev.descent.data.Examples;
import java.util.List;

/**
 * What the driver knows of a set that lives on the cluster: its size, features and classes, for
 * building the network and for the summary. Its examples stay on the executors: reading one here
 * is a bug.
 */
record ClusterExamples(String name, int size, List<String> featureNames, List<String> classNames) implements Examples {

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
  public void gather(int[] positions, int from, int count, dev.descent.tensor.Matrix x, dev.descent.tensor.Matrix y) {
    throw new AssertionError(name + " lives on the cluster: its examples are read by the executors");
  }
}
