package dev.descent.search;

/**
 * Runs one trial to its record, on the calling thread: what an {@link Executor} calls for each
 * trial. Safe to call from several threads at once.
 */
@FunctionalInterface
public interface TrialRunner {

  TrialRecord run(Trial trial);
}
