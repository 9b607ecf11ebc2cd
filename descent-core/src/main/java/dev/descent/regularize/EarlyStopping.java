package dev.descent.regularize;

import dev.descent.autodiff.Variable;
import dev.descent.io.Decimal;
import dev.descent.tensor.Matrix;
import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.History;
import dev.descent.train.TrainingContext;
import java.util.List;
import java.util.Locale;

/**
 * Early stopping on the dev set: after every epoch it reads the dev cost (or dev accuracy); an
 * epoch improves when it beats the best so far by more than {@code minDelta} (cost {@code <
 * best − minDelta}, accuracy {@code > best + minDelta}), and training stops after
 * {@code patience} epochs in a row without improvement. It keeps a copy of the best epoch's
 * parameters and restores them when training ends, whether it stopped training or training ran
 * to its last epoch, so the model that is saved and reported is always the best one seen on dev
 * (Keras's {@code restore_best_weights=True}, which Keras applies only when it stops).
 * Defaults: min delta 0, metric dev cost.
 *
 * <pre>{@code
 * EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.patience(10));
 * History h = trainer.fit(train, dev, List.of(stop));   // the stop message names the callback that stopped
 * stop.keepBest(h);                                    // h.keptEpoch() == stop.bestEpoch()
 * }</pre>
 *
 * <p>Copying the parameters after an improving epoch allocates nothing: the copies are made once,
 * in {@link #onStart}.
 */
public final class EarlyStopping implements Callback {

  /** Which dev metric to watch. */
  public enum Metric {
    /** The dev cost; lower is better. */
    COST,
    /** The dev accuracy; higher is better (classification only). */
    ACCURACY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param patience epochs without improvement before stopping, at least 1
   * @param minDelta the least change that counts as an improvement, ≥ 0 (default 0)
   * @param metric the dev metric (default {@link Metric#COST})
   */
  public record Config(int patience, double minDelta, Metric metric) {
    public Config {
      if (patience < 1) {
        throw new IllegalArgumentException("patience = " + patience + ": must be at least 1 epoch, e.g. 10");
      }
      if (!(minDelta >= 0 && minDelta < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("minDelta = " + minDelta + ": must be a finite number ≥ 0 (0: any improvement counts)");
      }
      if (metric == null) {
        throw new IllegalArgumentException("metric is null; use Metric.COST or Metric.ACCURACY");
      }
    }

    /** Stops after {@code patience} epochs without a lower dev cost. */
    public static Config patience(int patience) {
      return new Config(patience, 0, Metric.COST);
    }

    public Config withMinDelta(double delta) {
      return new Config(patience, delta, metric);
    }

    public Config withMetric(Metric m) {
      return new Config(patience, minDelta, m);
    }
  }

  /**
   * Where early stopping stands after an epoch, for a checkpoint: the best epoch (0-based, −1
   * before any) and its dev value, the epochs waited since, and a copy of the best epoch's
   * parameters (in the network's parameter order).
   */
  public record Progress(int bestEpoch, double bestValue, int waited, List<Matrix> best) {
    public Progress {
      best = List.copyOf(best);
      if (waited < 0) {
        throw new IllegalArgumentException("waited = " + waited + ": must be ≥ 0");
      }
    }
  }

  private final Config config;
  private Progress resumeFrom;
  private List<Variable> parameters;
  private Matrix[] best;
  private int bestEpoch = -1;
  private double bestValue = Double.NaN;
  private int waited;
  private int lastEpoch = -1;
  private boolean stopped;

  public EarlyStopping(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  @Override
  public void onStart(TrainingContext context) {
    if (context.dev() == null || !context.config().evaluateDev()) {
      throw new IllegalStateException("early stopping watches the dev set, but this run has "
          + (context.dev() == null ? "no dev set" : "dev evaluation switched off") + "; give a dev set");
    }
    if (config.metric() == Metric.ACCURACY && !context.dev().isClassification()) {
      throw new IllegalStateException("early stopping on dev accuracy needs classification data; "
          + "this is a regression, watch the dev cost instead");
    }
    parameters = context.network().parameters();
    best = new Matrix[parameters.size()];
    for (int i = 0; i < best.length; i++) {
      best[i] = parameters.get(i).value().copy();
    }
    bestEpoch = -1;
    bestValue = Double.NaN;
    waited = 0;
    lastEpoch = -1;
    stopped = false;
    if (resumeFrom != null) {
      if (resumeFrom.best().size() != best.length) {
        throw new IllegalStateException("early stopping: the saved progress has " + resumeFrom.best().size()
            + " parameters, the network " + best.length);
      }
      for (int i = 0; i < best.length; i++) {
        best[i].copyFrom(resumeFrom.best().get(i));
      }
      bestEpoch = resumeFrom.bestEpoch();
      bestValue = resumeFrom.bestValue();
      waited = resumeFrom.waited();
      resumeFrom = null;
    }
  }

  /** The progress so far (copies of the best parameters), for a checkpoint; call after an epoch. */
  public Progress progress() {
    if (best == null) {
      throw new IllegalStateException("early stopping: no progress before training starts");
    }
    List<Matrix> copies = new java.util.ArrayList<>();
    for (Matrix m : best) {
      copies.add(m.copy());
    }
    return new Progress(bestEpoch, bestValue, waited, copies);
  }

  /** Continues from a checkpoint's {@link #progress()}: the next {@link #onStart} takes it up instead of starting afresh. */
  public void resumeFrom(Progress saved) {
    this.resumeFrom = saved;
  }

  @Override
  public boolean onEpochEnd(EpochResult result, TrainingContext context) {
    lastEpoch = result.epoch();
    double value = config.metric() == Metric.COST ? result.devCost() : result.devAccuracy();
    if (improves(value)) {
      bestValue = value;
      bestEpoch = result.epoch();
      waited = 0;
      for (int i = 0; i < best.length; i++) {
        best[i].copyFrom(parameters.get(i).value());
      }
      return false;
    }
    waited++;
    stopped = waited >= config.patience();
    return stopped;
  }

  private boolean improves(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (bestEpoch < 0) {
      return true;
    }
    return config.metric() == Metric.COST ? value < bestValue - config.minDelta() : value > bestValue + config.minDelta();
  }

  /** Puts the best epoch's parameters back (nothing to do when no epoch had a dev value). */
  @Override
  public void onEnd(TrainingContext context) {
    if (bestEpoch < 0) {
      return;
    }
    for (int i = 0; i < best.length; i++) {
      parameters.get(i).value().copyFrom(best[i]);
    }
  }

  /** Records in {@code history} that the network holds the best epoch's parameters. */
  public void keepBest(History history) {
    if (bestEpoch >= 0) {
      history.keep(bestEpoch);
    }
  }

  /** The 0-based epoch with the best dev metric, or −1 before any. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best dev cost or accuracy seen. */
  public double bestValue() {
    return bestValue;
  }

  /** Whether the patience ran out (false when training ran to its last epoch). */
  public boolean stopped() {
    return stopped;
  }

  /** The 0-based last epoch that ran. */
  public int lastEpoch() {
    return lastEpoch;
  }

  /**
   * For people, epochs counted from 1, e.g. {@code dev cost stopped improving (patience 10):
   * stopped after epoch 57; restored the parameters of epoch 47 (dev cost 0.2113)}.
   */
  public String text() {
    String what = "dev " + config.metric().label();
    String run = stopped
        ? String.format(Locale.ROOT, "%s did not improve by more than %s for %d epochs: stopped after epoch %d",
            what, Decimal.text(config.minDelta()), config.patience(), lastEpoch + 1)
        : String.format(Locale.ROOT, "ran all %d epochs (patience %d not exhausted)", lastEpoch + 1, config.patience());
    if (bestEpoch < 0) {
      return run + "; no epoch had a finite " + what + ", so the last parameters stay";
    }
    return String.format(Locale.ROOT, "%s; restored the best parameters, of epoch %d (%s %s)", run, bestEpoch + 1, what,
        config.metric() == Metric.COST ? String.format(Locale.ROOT, "%.4f", bestValue)
            : String.format(Locale.ROOT, "%.1f%%", 100 * bestValue));
  }
}
