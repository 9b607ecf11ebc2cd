package dev.descent.spark;

import dev.descent.data.Examples;
import dev.descent.nn.Network;
import dev.descent.run.Regularizers;
import dev.descent.run.TrainingSettings;
import java.io.Serializable;

/**
 * What a worker builds its network from, as plain text that travels in a task: the run's
 * training settings and regularizers as JSON (core's records are not Java-serializable).
 * Without {@code penalties} the L2 and L1 terms are left out: {@code --sync every-step} adds
 * them once on the driver, to the summed gradient, as a local step adds them once per batch;
 * parameter averaging's local steps take them on the worker.
 */
record WorkerRecipe(String training, String regularizers, boolean penalties) implements Serializable {

  static WorkerRecipe of(TrainingSettings training, Regularizers regularizers, boolean penalties) {
    return new WorkerRecipe(training.toJsonText(), regularizers.toJsonText(), penalties);
  }

  TrainingSettings settings() {
    return TrainingSettings.fromJsonText(training);
  }

  Network build(Examples train) {
    TrainingSettings t = settings();
    Regularizers r = Regularizers.fromJsonText(regularizers);
    return penalties ? t.buildNetwork(train, r) : t.withoutL2().buildNetwork(train, r.withoutL1());
  }
}
