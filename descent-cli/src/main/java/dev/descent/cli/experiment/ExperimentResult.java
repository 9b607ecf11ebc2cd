package dev.descent.cli.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment shows: its setting, rows, plots, the reference numbers it reproduces
 * (e.g. "he: train 99.3 %, test 96 %"), one paragraph on what it teaches, any lines to print
 * under the table (e.g. an optimizer's path, step by step), and for the course's three tables
 * the course's figures by row name and the spread of each row over seeds (empty without
 * {@code --seeds}).
 */
public record ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
    List<String> reference, String lesson, List<String> details, Map<String, CourseFigure> course,
    Map<String, Spread> trainSpread, Map<String, Spread> testSpread) {
  public ExperimentResult {
    runs = List.copyOf(runs);
    plots = List.copyOf(plots);
    reference = List.copyOf(reference);
    details = List.copyOf(details);
    course = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(course));
    trainSpread = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainSpread));
    testSpread = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(testSpread));
  }

  /** Without the course's figures or spreads. */
  public ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
      List<String> reference, String lesson, List<String> details) {
    this(name, setting, runs, plots, reference, lesson, details, Map.of(), Map.of(), Map.of());
  }

  /** Without lines under the table. */
  public ExperimentResult(String name, String setting, List<RunRow> runs, List<Path> plots,
      List<String> reference, String lesson) {
    this(name, setting, runs, plots, reference, lesson, List.of());
  }

  /** The course's figure for row {@code row}, if the course prints one. */
  public CourseFigure courseFigure(String row) {
    return course.get(row);
  }

  /** Whether a row with a course figure differs from it to the printed digit. */
  public boolean differsFromCourse(RunRow row) {
    CourseFigure f = course.get(row.name());
    return f != null && !f.matches(row.trainAccuracy(), row.testAccuracy());
  }
}
