package dev.descent.run;

import dev.descent.nn.Network;
import dev.descent.search.Choice;
import dev.descent.search.Distribution;
import dev.descent.search.EpochReporter;
import dev.descent.search.Objective;
import dev.descent.search.Range;
import dev.descent.search.Space;
import dev.descent.search.Trial;
import dev.descent.search.TrialResult;
import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search's {@link Objective} for {@code descent train}: trains one model with the base
 * settings {@link TrainingSettings#with with} the trial's params and seeded by the trial's seed
 * (initialisation, shuffles and dropout masks), and reports the dev accuracy and dev cost after
 * every epoch; when the pruner says stop, training stops there. The data is prepared once and
 * shared read-only by all threads; each trial builds its own {@link Network} (networks are not
 * thread-safe). A model whose cost diverges is a failed trial, with the trainer's message.
 *
 * <pre>{@code
 * Objective objective = new TrainingObjective(data, TrainingSettings.defaults().withEpochs(100));
 * Search.local(SearchConfig.of(42, 20)).run(Space.parse(List.of("lr=log:1e-4:1e-1"), TrainingObjective.PARAMETERS), objective);
 * }</pre>
 */
public final class TrainingObjective implements Objective {
  /** The params a trial may set: {@link TrainingSettings#PARAMETERS}. */
  public static final java.util.Set<String> PARAMETERS = java.util.Set.copyOf(TrainingSettings.PARAMETERS);

  private final PreparedData data;
  private final TrainingSettings base;
  private java.nio.file.Path histories;

  public TrainingObjective(PreparedData data, TrainingSettings base) {
    if (data.dev() == null || data.dev().size() == 0) {
      throw new IllegalArgumentException("a search compares trials on a dev set, but the split leaves none; give one, e.g. --split 60,20,20");
    }
    this.data = data;
    this.base = base;
  }

  /**
   * Checks before a search that every value {@code space} can propose is valid for {@code base}:
   * both ends of each range and every choice, one parameter at a time (with each optimizer of
   * an {@code optimizer} choice, since β, β1… depend on it). The message names the parameter and
   * its spec: {@code keep-prob=uniform:0.5:1.5: keep-prob = 1.5: must be in (0, 1]; …}.
   */
  public static void check(Space space, TrainingSettings base) {
    List<Object> optimizers = new ArrayList<>();
    if (space.parameters().get("optimizer") instanceof Choice c) {
      optimizers.addAll(c.values());
    }
    space.parameters().forEach((name, distribution) -> {
      for (Object value : probes(distribution)) {
        IllegalArgumentException first = null;
        boolean ok = false;
        for (Object optimizer : name.equals("optimizer") || optimizers.isEmpty() ? Collections.singletonList(null) : optimizers) {
          Map<String, Object> params = new LinkedHashMap<>();
          params.put(name, value);
          if (optimizer != null) {
            params.put("optimizer", optimizer);
          }
          try {
            base.with(params);
            ok = true;
            break;
          } catch (IllegalArgumentException e) {
            first = first == null ? e : first;
          }
        }
        if (!ok) {
          throw new IllegalArgumentException(name + "=" + distribution.spec() + ": " + first.getMessage(), first);
        }
      }
    });
  }

  /** Both ends of a range, as the sampler would give them; every value of a choice. */
  private static List<Object> probes(Distribution d) {
    if (d instanceof Range r) {
      return List.of(r.fromUnit(0), r.fromUnit(1));
    }
    return ((Choice) d).values();
  }

  /** Each trial writes its history.jsonl and history.csv to {@code directory/ID} (trial ids from 0) as it trains. */
  public TrainingObjective withHistoriesIn(java.nio.file.Path directory) {
    this.histories = directory;
    return this;
  }

  /** The settings trial {@code trial} trains with. */
  public TrainingSettings settingsOf(Trial trial) {
    return base.with(trial.params()).withSeed(trial.seed());
  }

  @Override
  public TrialResult run(Trial trial, EpochReporter reporter) {
    TrainingSettings settings = settingsOf(trial);
    Network network = settings.buildNetwork(data.train());
    Trainer trainer = new Trainer(network, settings.transform(), settings.config());
    Reporting reporting = new Reporting(reporter);
    List<Callback> callbacks = histories == null ? List.of(reporting)
        : List.of(dev.descent.train.HistoryLog.to(histories.resolve(Integer.toString(trial.id())), List.of()), reporting);
    History history = trainer.fit(data.train(), data.dev(), callbacks);
    if (!reporting.pruned && !history.completed()) {
      throw new IllegalStateException(history.stopReason());
    }
    int n = history.epochs();
    return new TrialResult(history.devAccuracy()[n - 1], history.devCost()[n - 1], n);
  }

  /** Passes each epoch's dev metrics to the search and stops training when the trial is pruned. */
  private static final class Reporting implements Callback {
    private final EpochReporter reporter;
    private boolean pruned;

    Reporting(EpochReporter reporter) {
      this.reporter = reporter;
    }

    @Override
    public boolean onEpochEnd(EpochResult result, TrainingContext context) {
      pruned = !reporter.report(result.epoch() + 1, result.devAccuracy(), result.devCost());
      return pruned;
    }
  }
}
