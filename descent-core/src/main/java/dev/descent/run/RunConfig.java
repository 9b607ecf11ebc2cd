package dev.descent.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole recipe of a training run as plain data: how to prepare the data, how to train, and
 * what regularizes the run beyond the settings.
 * It travels as JSON ({@link #toJson}, {@link #fromJson}): in a checkpoint, so that {@code
 * descent resume} continues the same run, and in every Spark task of a search, so that a worker
 * rebuilds the same data and base settings.
 *
 * <pre>{@code
 * RunConfig c = new RunConfig(plan, TrainingSettings.defaults());
 * RunConfig.fromJson(c.toJson()).equals(c);   // true
 * }</pre>
 */
public record RunConfig(DataPlan data, TrainingSettings training, Regularizers regularizers) {

  public RunConfig {
    if (data == null || training == null || regularizers == null) {
      throw new IllegalArgumentException("run config: data plan, training settings and regularizers must be given");
    }
    // checked here, not when a resumed run is half built
    regularizers.keepProbs(training);
  }

  /** A run with nothing beyond the training settings ({@link Regularizers#NONE}). */
  public RunConfig(DataPlan data, TrainingSettings training) {
    this(data, training, Regularizers.NONE);
  }

  /** The same recipe with other regularizers. */
  public RunConfig withRegularizers(Regularizers newRegularizers) {
    return new RunConfig(data, training, newRegularizers);
  }

  /** The same recipe with other training settings. */
  public RunConfig withTraining(TrainingSettings newTraining) {
    return new RunConfig(data, newTraining, regularizers);
  }

  public ObjectNode toJson() {
    return RunJson.write(this);
  }

  /** Reads {@link #toJson}'s form back; a missing or mistyped field is an IllegalArgumentException naming it. */
  public static RunConfig fromJson(com.fasterxml.jackson.databind.JsonNode node) {
    return RunJson.read(node);
  }

  /** The JSON text, on one line. */
  public String toJsonText() {
    return toJson().toString();
  }

  public static RunConfig fromJsonText(String text) {
    try {
      return fromJson(RunJson.MAPPER.readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("run config: not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
