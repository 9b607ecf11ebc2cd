package dev.descent.cli.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * What an experiment shows: its setting, rows, plots, the reference numbers it reproduces
 * (e.g. "he: train 99.3 %, test 96 %"), one paragraph on what it teaches, and any lines to print
 * under the table (e.g. an optimizer's path, step by step).
 */
public record ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
    List<String> reference, String lesson, List<String> details) {
  public ExperimentResult {
    runs = List.copyOf(runs);
    plots = List.copyOf(plots);
    reference = List.copyOf(reference);
    details = List.copyOf(details);
  }

  /** Without lines under the table. */
  public ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
      List<String> reference, String lesson) {
    this(name, setting, runs, plots, reference, lesson, List.of());
  }
}
