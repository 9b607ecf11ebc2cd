package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.model.Checkpoint;
import dev.descent.run.ClusterRun;
import dev.descent.run.ResumedRun;
import dev.descent.run.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code descent resume} reads from the checkpoint of a run trained on Spark ({@code train --spark --checkpoint-every}). */
final class ClusterResume {
  /**
   * A local resume's normalizer, fitted here, against the one merged from the partitions' moments
   * on Spark: the same data give the same values up to summation order.
   */
  static final double NORMALIZER_TOLERANCE = 1e-9;

  private ClusterResume() {}

  /** The run's recipe as the checkpoint records it under "cluster"; a damaged one is blamed on the file. */
  static ClusterRun recipe(Checkpoint checkpoint) {
    try {
      ClusterRun run = ClusterRun.fromJson(checkpoint.run().get("cluster"));
      run.training().networkSpec();
      run.training().transform();
      return run;
    } catch (IllegalArgumentException e) {
      throw new DescentException("corrupt checkpoint: " + e.getMessage(), checkpoint.file().toString(), -1, -1, e);
    }
  }

  static TrainingSettings training(Checkpoint checkpoint, TrainingSettings saved, Double lr, Integer epochs) {
    try {
      return ResumedRun.continued(checkpoint, saved, lr, epochs);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The model's settings: the checkpoint's, with the new epoch count and optimizer. */
  static Map<String, Object> settings(Checkpoint checkpoint, TrainingSettings training, boolean newRate) {
    Map<String, Object> settings = new LinkedHashMap<>(checkpoint.settings());
    settings.put("epochs", training.epochs());
    if (newRate) {
      settings.put("optimizer", training.transform().describe());
    }
    return settings;
  }
}
