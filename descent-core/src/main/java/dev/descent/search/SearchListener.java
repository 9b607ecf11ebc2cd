package dev.descent.search;

/** Progress of a search, for the CLI to print: each finished trial, each narrowed box. Called from worker threads, one call at a time. */
public interface SearchListener {

  SearchListener NONE = new SearchListener() {};

  default void trialFinished(TrialRecord record) {}

  default void roundFinished(RoundReport report) {}
}
