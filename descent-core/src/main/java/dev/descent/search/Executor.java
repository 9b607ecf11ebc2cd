package dev.descent.search;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a batch of trials, many at once, and hands back each record as it finishes. {@link
 * LocalExecutor} uses threads of this process. Everything that crosses this interface is plain
 * data, so another executor can ship trials elsewhere: a {@link Trial} is an id, a map of
 * params (Integer, Long, Double or String values) and a seed; a {@link TrialRecord} comes back as
 * values, or as its JSON line ({@link TrialRecord#toJsonLine()}, {@link TrialRecord#fromJson}).
 *
 * <p>A remote executor (Spark, in its own module) rebuilds its own {@link Objective} on the
 * worker and does not use {@code runner}, whose {@link PruningBoard} lives in this process; it
 * then runs without cross-trial pruning, or must replay the board's rule (judge trial i at epoch
 * e against the trials with ids below i) to keep results independent of the cluster's timing.
 *
 * <p>Contract: every trial in {@code trials} is run once, in id order of starting (a trial may
 * wait for smaller ids inside the runner); {@code done} receives each record, from any thread,
 * one call at a time or concurrently ({@code done} is thread-safe); the call returns when all
 * records were handed over, or throws the first error that is not a trial's own failure.
 */
public interface Executor {

  void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialRecord> done);
}
