package dev.descent.run;

import dev.descent.model.Checkpoint;
import dev.descent.model.Model;
import dev.descent.regularize.EarlyStopping;
import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.TrainingContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Saves a {@link Checkpoint} every {@code every} epochs and after the last one ("panda" mode:
 * babysit one long run, and continue it with {@code descent resume} after a stop). Each save
 * replaces the previous one atomically. It holds the costs of the epochs so far (those of the
 * run it continues, when resumed) so that each checkpoint carries the whole history.
 *
 * <pre>{@code
 * new CheckpointWriter(Path.of("out/checkpoint.descent"), 10, data, settings, run, CheckpointWriter.NO_HISTORY);
 * }</pre>
 */
public final class CheckpointWriter implements Callback {
  /** The history of a new run: no epochs yet. */
  public static final double[][] NO_HISTORY = {new double[0], new double[0], new double[0]};

  private final Path file;
  private final int every;
  private final PreparedData data;
  private final Map<String, Object> settings;
  private final com.fasterxml.jackson.databind.node.ObjectNode recipe;
  private final EarlyStopping stopping;
  private double[][] history;
  private int saved;

  public CheckpointWriter(Path file, int every, PreparedData data, Map<String, Object> settings, RunConfig run, double[][] earlier) {
    this(file, every, data, settings, run, earlier, null);
  }

  /**
   * The same, also saving {@code stopping}'s progress (null: no early stopping). It must come
   * after {@code stopping} among the trainer's callbacks, so that each save holds the epoch's verdict.
   */
  public CheckpointWriter(Path file, int every, PreparedData data, Map<String, Object> settings, RunConfig run, double[][] earlier,
      EarlyStopping stopping) {
    this(file, every, data, settings, recipe(run), earlier, stopping);
  }

  /** The recipe with the data files' identity, hashed once: resume refuses data that changed. */
  private static com.fasterxml.jackson.databind.node.ObjectNode recipe(RunConfig run) {
    com.fasterxml.jackson.databind.node.ObjectNode recipe = run.toJson();
    recipe.set("files", DataFiles.of(run.data()));
    return recipe;
  }

  /**
   * The same for a run whose data lives elsewhere: {@code recipe} is what {@code descent resume}
   * reads back, e.g. {@code {"cluster": ClusterRun.toJson(), "spark": MASTER}} for a run on Spark.
   */
  public CheckpointWriter(Path file, int every, PreparedData data, Map<String, Object> settings,
      com.fasterxml.jackson.databind.node.ObjectNode recipe, double[][] earlier, EarlyStopping stopping) {
    if (every < 1) {
      throw new IllegalArgumentException("--checkpoint-every " + every + ": must be at least 1 epoch");
    }
    this.file = file;
    this.every = every;
    this.data = data;
    this.settings = settings;
    this.recipe = recipe;
    this.history = new double[][] {earlier[0].clone(), earlier[1].clone(), earlier[2].clone()};
    this.stopping = stopping;
  }

  @Override
  public boolean onEpochEnd(EpochResult r, TrainingContext context) {
    int epochs = r.epoch() + 1;
    // the epochs before this run's first (a resumed run) are already in the history
    history = new double[][] {append(history[0], r.trainCost()), append(history[1], r.devCost()), append(history[2], r.devAccuracy())};
    if (epochs % every == 0 || epochs == context.config().epochs()) {
      Model model = new Model(context.network(), data.standardizer(), data.train().classNames(), data.train().featureNames(), settings);
      Checkpoint.write(file, model, context.optimizer(), epochs, every, history, recipe, stopping == null ? null : stopping.progress());
      saved = epochs;
    }
    return false;
  }

  /** The epoch count of the last checkpoint written, 0 before the first. */
  public int saved() {
    return saved;
  }

  public Path file() {
    return file;
  }

  private static double[] append(double[] values, double v) {
    double[] out = Arrays.copyOf(values, values.length + 1);
    out[values.length] = v;
    return out;
  }
}
