package dev.descent.run;

import java.util.List;
import java.util.Map;

/**
 * A training run for a cluster ({@code descent train --spark MASTER}): the data's location as the
 * cluster reads it (a CSV file or directory; {@code file://}, {@code hdfs://}, {@code s3a://}),
 * split and standardized there exactly as a local run splits and standardizes it, trained with
 * {@code training} and synchronised by {@code sync}; {@code settings} go into the model file.
 */
public record ClusterRun(String data, List<Double> split, boolean normalize, TrainingSettings training, SyncMode sync,
    Map<String, Object> settings) {

  public ClusterRun {
    split = List.copyOf(split);
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
