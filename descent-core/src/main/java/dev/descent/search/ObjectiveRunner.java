package dev.descent.search;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The local {@link TrialRunner}: calls the {@link Objective} with a reporter wired to the
 * {@link PruningBoard}, times it with the given clock, and turns an exception from the objective
 * into a failed record (its message kept), so one diverging trial does not end the search.
 */
final class ObjectiveRunner implements TrialRunner {
  private final Objective objective;
  private final PruningBoard board;
  private final Metric metric;
  private final int round;
  private final InstantSource clock;

  ObjectiveRunner(Objective objective, PruningBoard board, Metric metric, int round, InstantSource clock) {
    this.objective = objective;
    this.board = board;
    this.metric = metric;
    this.round = round;
    this.clock = clock;
  }

  @Override
  public TrialRecord run(Trial trial) {
    Instant start = clock.instant();
    int id = trial.id();
    EpochReporter reporter = (epoch, devAccuracy, devCost) -> board.report(id, epoch, metric.maximize() ? devAccuracy : devCost);
    TrialResult result = null;
    String error = null;
    try {
      result = objective.run(trial, reporter);
      if (result == null) {
        error = "the objective returned no result (null)";
      }
    } catch (SearchInterrupted e) {
      throw e;
    } catch (RuntimeException e) {
      error = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    } finally {
      board.finish(id);
    }
    double seconds = Duration.between(start, clock.instant()).toNanos() / 1e9;
    if (error != null) {
      return new TrialRecord(id, round, trial.params(), trial.seed(), Status.FAILED, Double.NaN, Double.NaN, board.values(id).size(), seconds,
          board.values(id), error);
    }
    Status status = board.pruned(id) ? Status.PRUNED : Status.COMPLETE;
    return new TrialRecord(id, round, trial.params(), trial.seed(), status, result.devAccuracy(), result.devCost(), result.epochs(), seconds,
        board.values(id), null);
  }
}
