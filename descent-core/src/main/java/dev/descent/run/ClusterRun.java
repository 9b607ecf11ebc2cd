package dev.descent.run;

import java.util.List;
import java.util.Map;

/**
 * A training run for a cluster ({@code descent train --spark MASTER}): the data's location as the
 * cluster reads it (a CSV or Parquet file or directory; {@code file://}, {@code hdfs://}, {@code
 * s3a://}), split and standardized there exactly as a local run splits and standardizes it,
 * trained with {@code training} and {@code regularizers} and synchronised by {@code sync};
 * {@code settings} go into the model file.
 *
 * @param classNames the classes in order ({@code --classes}; a label outside them is an error), or empty to take them from the data
 */
public record ClusterRun(String data, List<Double> split, boolean normalize, List<String> classNames, TrainingSettings training,
    Regularizers regularizers, SyncMode sync, Map<String, Object> settings) {

  public ClusterRun {
    split = List.copyOf(split);
    classNames = List.copyOf(classNames);
    regularizers.keepProbs(training);
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }

  public double[] ratios() {
    double[] r = new double[split.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = split.get(i);
    }
    return r;
  }
}
