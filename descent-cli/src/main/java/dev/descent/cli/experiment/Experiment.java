package dev.descent.cli.experiment;

/** An experiment of the course, runnable from {@code descent experiment NAME} and by {@code all}. */
public interface Experiment {

  String name();

  ExperimentResult run(ExperimentContext context);
}
