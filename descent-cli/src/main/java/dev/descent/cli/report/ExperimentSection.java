package dev.descent.cli.report;

import dev.descent.DescentException;
import dev.descent.cli.experiment.CourseFigure;
import dev.descent.cli.experiment.ExperimentResult;
import dev.descent.cli.experiment.Spread;
import dev.descent.cli.experiment.RunRow;
import dev.descent.cli.report.Table.Cell;
import dev.descent.cli.report.Table.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment's section of the report: the setting, the runs' table with the course's numbers
 * in a column beside ours, the plots, and the lesson; or, when the experiment failed, what failed.
 *
 * <p>A reference line is put beside a run when it starts with the run's name followed by a space
 * or a colon ({@code "he ≈ 99.3 % train / 96 % test"} goes beside run {@code he}, as
 * {@code "≈ 99.3 % train / 96 % test"}); lines naming no run are listed under the table.
 */
public final class ExperimentSection {
  private ExperimentSection() {}

  public static Section of(ExperimentResult r, double seconds) {
    Map<String, String> beside = new LinkedHashMap<>();
    List<String> unmatched = new ArrayList<>();
    match(r.runs(), r.reference(), beside, unmatched);
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Setting", r.setting(), "setting"));
    blocks.add(table(r, beside));
    if (!r.trainSpread().isEmpty()) {
      blocks.add(spreadTable(r));
    }
    if (!unmatched.isEmpty()) {
      blocks.add(new Block.Items(beside.isEmpty() ? "The course's numbers" : "More of the course's numbers", unmatched));
    }
    blocks.add(new Block.Paragraph("What it shows.", r.lesson(), "lesson"));
    List<Image> images = new ArrayList<>();
    for (Path p : r.plots()) {
      String file = p.getFileName().toString();
      images.add(Image.of(p, file, file.contains("cost")).withAlt(PlotDescription.of(file)));
    }
    if (!images.isEmpty()) {
      blocks.add(new Block.Figures(images));
    }
    blocks.add(new Block.Paragraph("Reproduce:", "descent experiment " + r.name(), "command"));
    return new Section(r.name(), Section.Status.OK, summary(r, seconds), blocks);
  }

  /** The section of an experiment that threw {@code failure} after {@code seconds}. */
  public static Section failed(String name, RuntimeException failure, double seconds) {
    String what = String.format(Locale.ROOT, "The experiment failed after %.1f s; the experiments after it still ran.", seconds);
    List<Block> blocks = List.of(
        new Block.Notice(Block.Notice.Kind.FAILURE, what, message(failure)),
        Block.Paragraph.plain("Run it alone with 'descent experiment " + name + " --debug' for the stack trace."));
    return new Section(name, Section.Status.FAILED, "failed: " + firstLine(message(failure)), blocks);
  }

  /** The error as the command line prints it: the message of a known failure, the class of a bug. */
  public static String message(RuntimeException failure) {
    boolean known = failure instanceof DescentException || failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException;
    String message = failure.getMessage();
    return known && message != null ? message : "internal error: " + failure;
  }

  private static Table table(ExperimentResult r, Map<String, String> beside) {
    List<String> extraKeys = new ArrayList<>();
    for (RunRow row : r.runs()) {
      for (String k : row.extra().keySet()) {
        if (!extraKeys.contains(k)) {
          extraKeys.add(k);
        }
      }
    }
    // an accuracy no run has (regression, a saddle point) is left out rather than shown as a column of dashes
    boolean train = r.runs().stream().anyMatch(row -> !Double.isNaN(row.trainAccuracy()));
    boolean test = r.runs().stream().anyMatch(row -> !Double.isNaN(row.testAccuracy()));
    List<Column> columns = new ArrayList<>(List.of(Column.label("run")));
    if (train) {
      columns.add(Column.number("train accuracy"));
    }
    boolean course = !r.course().isEmpty();
    if (train && course) {
      columns.add(Column.number("course train"));
    }
    if (test) {
      columns.add(Column.number("test accuracy"));
    }
    if (test && course) {
      columns.add(Column.number("course test"));
    }
    if (course) {
      columns.add(Column.text("vs course"));
    }
    if (!beside.isEmpty()) {
      columns.add(Column.reference("the course's result"));
    }
    columns.addAll(List.of(Column.number("final cost"), Column.number("seconds")));
    for (String k : extraKeys) {
      columns.add(Column.number(k));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (RunRow row : r.runs()) {
      List<Cell> cells = new ArrayList<>(List.of(Cell.text(row.name())));
      CourseFigure f = r.courseFigure(row.name());
      if (train) {
        cells.add(course ? percent2(row.trainAccuracy()) : Cell.percent(row.trainAccuracy()));
      }
      if (train && course) {
        cells.add(percent2(f == null ? Double.NaN : f.train()));
      }
      if (test) {
        cells.add(course ? percent2(row.testAccuracy()) : Cell.percent(row.testAccuracy()));
      }
      if (test && course) {
        cells.add(percent2(f == null ? Double.NaN : f.test()));
      }
      if (course) {
        cells.add(f == null ? Cell.text(Cell.MISSING) : r.differsFromCourse(row) ? Cell.text("differs").emphasize() : Cell.text("same"));
      }
      if (!beside.isEmpty()) {
        cells.add(Cell.text(beside.getOrDefault(row.name(), Cell.MISSING)));
      }
      cells.addAll(List.of(Cell.number(row.finalCost()), Cell.fixed(row.seconds())));
      for (String k : extraKeys) {
        cells.add(Cell.of(row.extra().get(k)));
      }
      rows.add(cells);
    }
    return new Table("Runs", columns, rows);
  }

  /** A percentage to the course's printed digit (99.33 %), the exact value kept. */
  private static Cell percent2(double v) {
    return Double.isNaN(v) ? new Cell(Cell.MISSING, v) : new Cell(String.format(Locale.ROOT, "%.2f %%", 100 * v), v);
  }

  /** Each configuration's accuracies over the seeds of Descent's generator, and where the course's figure falls. */
  private static Table spreadTable(ExperimentResult r) {
    int n = r.trainSpread().values().iterator().next().values().length;
    List<Column> columns = List.of(Column.label("run"), Column.text("set"), Column.number("mean"), Column.number("std. dev."),
        Column.number("min"), Column.number("max"), Column.number("course"), Column.number("seeds at or below the course"));
    List<List<Cell>> rows = new ArrayList<>();
    for (RunRow row : r.runs()) {
      CourseFigure f = r.courseFigure(row.name());
      for (String set : List.of("train", "test")) {
        Spread s = (set.equals("train") ? r.trainSpread() : r.testSpread()).get(row.name());
        if (s == null) {
          continue;
        }
        double c = f == null ? Double.NaN : set.equals("train") ? f.train() : f.test();
        rows.add(List.of(Cell.text(row.name()), Cell.text(set), percent2(s.mean()), percent2(s.standardDeviation()),
            percent2(s.min()), percent2(s.max()), percent2(c), Double.isNaN(c) ? new Cell(Cell.MISSING, Double.NaN)
                : new Cell(String.format(Locale.ROOT, "%.0f %%", 100 * s.rankOf(c)), s.rankOf(c))));
      }
    }
    return new Table("Spread over seeds 1–" + n + " of Descent's generator", columns, rows);
  }

  /** Splits the reference lines into those beside a run (by its name) and the rest. */
  static void match(List<RunRow> runs, List<String> reference, Map<String, String> beside, List<String> unmatched) {
    for (String line : reference) {
      String run = null;
      for (RunRow row : runs) {
        String name = row.name();
        boolean named = line.startsWith(name) && line.length() > name.length()
            && (line.charAt(name.length()) == ' ' || line.charAt(name.length()) == ':');
        // the longest name wins: "lr 0.1" before "lr"
        if (named && (run == null || name.length() > run.length()) && !beside.containsKey(name)) {
          run = name;
        }
      }
      if (run == null) {
        unmatched.add(line);
      } else {
        beside.put(run, line.substring(run.length()).replaceFirst("^[\\s:]+", ""));
      }
    }
  }

  private static String summary(ExperimentResult r, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.runs().size()).append(r.runs().size() == 1 ? " run" : " runs");
    RunRow best = null;
    boolean test = false;
    for (RunRow row : r.runs()) {
      test |= !Double.isNaN(row.testAccuracy());
    }
    for (RunRow row : r.runs()) {
      double v = test ? row.testAccuracy() : row.trainAccuracy();
      if (!Double.isNaN(v) && (best == null || v > (test ? best.testAccuracy() : best.trainAccuracy()))) {
        best = row;
      }
    }
    if (best != null) {
      sb.append(", best ").append(test ? "test " : "train ")
          .append(Cell.percent(test ? best.testAccuracy() : best.trainAccuracy()).text()).append(" (").append(best.name()).append(')');
    }
    sb.append(String.format(Locale.ROOT, ", %.1f s", seconds));
    return sb.toString();
  }

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }
}
