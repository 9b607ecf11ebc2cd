package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.model.Checkpoint;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.regularize.EarlyStopping;
import dev.descent.train.Callback;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Continues a run from a {@link Checkpoint}: prepares the same data again from the run's recipe
 * (checked against the saved normalizer), rebuilds the network and optimizer from the saved
 * settings and regularizers, restores parameters, batch norm's running averages, moments, clock,
 * dropout and augmentation streams and early stopping's progress, and trains from the
 * saved epoch on; the trainer replays the shuffles of the epochs already done. Unchanged, it
 * ends with bit-for-bit the parameters of a run that never stopped.
 *
 * <pre>{@code
 * ResumedRun r = ResumedRun.prepare(Checkpoint.read(file), null, 40);   // on to epoch 40, same learning rate
 * RunResult result = r.run(List.of());
 * }</pre>
 */
public final class ResumedRun {
  private final Checkpoint checkpoint;
  private final RunConfig config;
  private final PreparedData data;
  private final Network network;
  private final Optimizer optimizer;
  private final Map<String, Object> settings;
  private final EarlyStopping stopping;

  private ResumedRun(Checkpoint checkpoint, RunConfig config, PreparedData data, Network network, Optimizer optimizer,
      Map<String, Object> settings, EarlyStopping stopping) {
    this.stopping = stopping;
    this.checkpoint = checkpoint;
    this.config = config;
    this.data = data;
    this.network = network;
    this.optimizer = optimizer;
    this.settings = settings;
  }

  /**
   * @param learningRate a new learning rate, or null to keep the run's
   * @param epochs the epoch to train to, in all (above the checkpoint's), or null for the run's own
   */
  public static ResumedRun prepare(Checkpoint checkpoint, Double learningRate, Integer epochs) {
    RunConfig saved;
    try {
      saved = RunConfig.fromJson(checkpoint.run());
      // the recorded settings are checked here, so that a corrupt field is blamed on the file,
      // not on an option (--activation, --optimizer…) the user never gave
      saved.training().networkSpec();
      saved.training().transform();
      saved.training().config();
    } catch (IllegalArgumentException e) {
      throw new DescentException("corrupt checkpoint: " + e.getMessage(), checkpoint.file().toString(), -1, -1, e);
    }
    if (checkpoint.run().has("files")) {
      // absent from checkpoints written before data files were recorded
      DataFiles.requireUnchanged(checkpoint.run().get("files"), checkpoint.file().toString());
    }
    return prepare(checkpoint, saved, learningRate, epochs, 0);
  }

  /**
   * Continues a run of another trainer here, from its recipe as a local run's ({@code saved}): a
   * run on Spark, whose normalizer was merged from per-partition moments and so may differ from
   * a local fit in the last bits ({@code normalizerTolerance}, relative; 0 asks for the same bits).
   */
  public static ResumedRun prepare(Checkpoint checkpoint, RunConfig saved, Double learningRate, Integer epochs, double normalizerTolerance) {
    TrainingSettings training = continued(checkpoint, saved.training(), learningRate, epochs);
    return prepared(checkpoint, saved.withTraining(training), learningRate, normalizerTolerance);
  }

  /** The saved settings with a new learning rate or epoch count (null: the run's); refuses an epoch count the checkpoint has reached. */
  public static TrainingSettings continued(Checkpoint checkpoint, TrainingSettings saved, Double learningRate, Integer epochs) {
    TrainingSettings training = saved;
    if (learningRate != null) {
      training = training.withLearningRate(learningRate);
    }
    if (epochs != null) {
      training = training.withEpochs(epochs);
    }
    if (training.epochs() <= checkpoint.epoch() && epochs == null) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint.file() + " is at epoch " + checkpoint.epoch()
          + ", the end of its run (" + training.epochs() + " epochs); give --epochs with more epochs in all to train on,"
          + " e.g. --epochs " + Math.min(Integer.MAX_VALUE, 2L * checkpoint.epoch()));
    }
    if (training.epochs() <= checkpoint.epoch()) {
      throw new IllegalArgumentException("--epochs " + training.epochs() + ": the checkpoint " + checkpoint.file() + " is already at epoch "
          + checkpoint.epoch() + "; give more epochs in all to train on, e.g. --epochs "
          + Math.min(Integer.MAX_VALUE, (long) checkpoint.epoch() + training.epochs()));
    }
    return training;
  }

  private static ResumedRun prepared(Checkpoint checkpoint, RunConfig config, Double learningRate, double normalizerTolerance) {
    TrainingSettings training = config.training();
    PreparedData data = config.data().prepare(config.training().precision());
    requireSameData(checkpoint, data, normalizerTolerance);
    Network network = training.buildNetwork(data.train(), config.regularizers());
    checkpoint.restoreNetwork(network);
    EarlyStopping stopping = null;
    if (config.regularizers().earlyStopping() != null) {
      stopping = new EarlyStopping(config.regularizers().earlyStopping());
      EarlyStopping.Progress progress = checkpoint.earlyStopping(network);
      if (progress == null) {
        throw new DescentException("corrupt checkpoint: the run stops early but the header lacks early stopping's progress",
            checkpoint.file().toString(), -1, -1, null);
      }
      stopping.resumeFrom(progress);
    }
    Optimizer optimizer = new Optimizer(training.transform(), network.parameters());
    checkpoint.restoreOptimizer(optimizer);
    Map<String, Object> settings = new LinkedHashMap<>(checkpoint.settings());
    settings.put("epochs", training.epochs());
    if (learningRate != null) {
      settings.put("optimizer", training.transform().describe());
    }
    return new ResumedRun(checkpoint, config, data, network, optimizer, settings, stopping);
  }

  /** The recipe of the continued run (with the new learning rate or epochs), for its own checkpoints. */
  public RunConfig config() {
    return config;
  }

  public PreparedData data() {
    return data;
  }

  public Map<String, Object> settings() {
    return settings;
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Early stopping as the run had it, continued from the checkpoint, or null: for a {@link CheckpointWriter} and reports. */
  public EarlyStopping earlyStopping() {
    return stopping;
  }

  /**
   * Trains from the checkpoint's epoch to the end; the history covers every epoch from the first.
   * Early stopping, when the run has it, comes before {@code callbacks} (a {@link CheckpointWriter}
   * among them saves its verdict on each epoch); as in {@code train}, the model keeps the best dev
   * epoch's parameters and leaves the augmentation layer out.
   */
  public RunResult run(List<Callback> callbacks) {
    Trainer trainer = new Trainer(network, optimizer, config.training().config());
    List<Callback> all = new ArrayList<>();
    if (stopping != null) {
      all.add(stopping);
    }
    all.addAll(callbacks);
    double[][] h = checkpoint.history();
    int last = h[0].length - 1;
    if (last >= 0) {
      trainer.observeEpoch(h[0][last], h[1][last]);
    }
    History later = trainer.fit(data.train(), data.dev(), all, checkpoint.epoch());
    History whole = History.of(h[0], h[1], h[2]).then(later);
    if (stopping != null) {
      stopping.keepBest(whole);
    }
    return TrainingRun.evaluate(network, whole, data, settings).withoutAugmentation();
  }

  private static void requireSameData(Checkpoint checkpoint, PreparedData data, double tolerance) {
    double[][] saved = checkpoint.standardizer();
    boolean same = saved == null ? data.standardizer() == null
        : data.standardizer() != null && close(saved[0], data.standardizer().mean(), tolerance) && close(saved[1], data.standardizer().std(), tolerance);
    if (!same) {
      throw new DescentException("the data the run was trained on has changed (its training set no longer gives the saved normalizer); "
          + "resume needs the same --data", checkpoint.file().toString(), -1, -1, null);
    }
  }

  private static boolean close(double[] a, double[] b, double tolerance) {
    if (tolerance == 0 || a.length != b.length) {
      return Arrays.equals(a, b);
    }
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= tolerance * Math.max(Math.abs(a[i]), Math.abs(b[i])))) {
        return false;
      }
    }
    return true;
  }
}
