package dev.descent.cli.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * What an experiment shows: its setting, rows, plots, the reference numbers it reproduces
 * (e.g. "he: train 99.3 %, test 96 %"), and one paragraph on what it teaches.
 */
public record ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
    List<String> reference, String lesson) {
  public ExperimentResult {
    runs = List.copyOf(runs);
    plots = List.copyOf(plots);
    reference = List.copyOf(reference);
  }
}
