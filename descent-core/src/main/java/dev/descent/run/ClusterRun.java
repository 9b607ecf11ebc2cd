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

  /** This run as JSON, the recipe of a cluster run's checkpoint (under "cluster"), so that {@code descent resume} continues it. */
  public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
    com.fasterxml.jackson.databind.node.ObjectNode n = RunJson.MAPPER.createObjectNode();
    n.put("data", data);
    split.forEach(n.putArray("split")::add);
    n.put("normalize", normalize);
    classNames.forEach(n.putArray("classes")::add);
    n.set("training", RunJson.training(training));
    n.set("regularizers", RunJson.regularizers(regularizers));
    n.put("sync", sync.toString());
    n.set("settings", RunJson.MAPPER.valueToTree(settings));
    return n;
  }

  /** Reads {@link #toJson}'s form back; a missing or mistyped field is an IllegalArgumentException naming it. */
  public static ClusterRun fromJson(com.fasterxml.jackson.databind.JsonNode n) {
    List<Double> split = new java.util.ArrayList<>();
    n.path("split").forEach(v -> split.add(v.asDouble()));
    List<String> classes = new java.util.ArrayList<>();
    n.path("classes").forEach(v -> classes.add(v.asText()));
    for (String field : List.of("data", "split", "normalize", "training", "regularizers", "sync", "settings")) {
      if (!n.has(field)) {
        throw new IllegalArgumentException("cluster run: no field \"" + field + "\"");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = RunJson.MAPPER.convertValue(n.get("settings"), java.util.LinkedHashMap.class);
    return new ClusterRun(n.get("data").asText(), split, n.get("normalize").asBoolean(), classes, RunJson.training(n.get("training")),
        RunJson.regularizers(n.get("regularizers")), SyncMode.parse(n.get("sync").asText()), settings);
  }

  /** The same run with other training settings (a resumed run's learning rate or epochs). */
  public ClusterRun withTraining(TrainingSettings newTraining) {
    return new ClusterRun(data, split, normalize, classNames, newTraining, regularizers, sync, settings);
  }

  /**
   * This run as a local run's recipe, for {@code descent resume} without {@code --spark}: the
   * same file (a CSV the local loader reads), split, seeds, settings and regularizers.
   */
  public RunConfig local() {
    DataRequest request = DataRequest.file(data.startsWith("file:") ? java.net.URI.create(data).getPath() : data).withClasses(classNames);
    return new RunConfig(new DataPlan(request, null, split, normalize, training.seed(), DataSource.Residency.NEVER, true), training,
        regularizers);
  }
}
