package dev.descent.cli.report;

import dev.descent.cli.report.Table.Cell;
import dev.descent.cli.report.Table.Column;
import dev.descent.data.Examples;
import dev.descent.run.RunResult;
import dev.descent.train.Diagnosis;
import dev.descent.train.Diagnosis.ErrorRates;
import dev.descent.train.Evaluation;
import dev.descent.train.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The sections of a training run's page; each is empty when the run has nothing for it. */
final class RunSections {
  private RunSections() {}

  static Section settings(Map<String, Object> settings, RunResult r, Path model) {
    Map<String, String> values = new LinkedHashMap<>();
    settings.forEach((k, v) -> values.put(k.replace('_', ' '), String.valueOf(v)));
    values.put("epochs run", Integer.toString(r.history().epochs()));
    if (!r.history().completed()) {
      values.put("stopped", r.history().stopReason());
    }
    if (r.history().keptEpoch() != r.history().epochs() - 1) {
      values.put("parameters of epoch", Integer.toString(r.history().keptEpoch() + 1));
    }
    values.put("network", r.model().network().inputs() + " inputs → " + r.model().network().outputs() + " outputs, "
        + r.model().network().parameterCount() + " parameters");
    values.put("model", model.toString());
    return Section.plain("Settings", List.of(new Block.Fields("", values)));
  }

  static Section results(RunResult r) {
    List<List<Cell>> rows = new ArrayList<>();
    row(rows, "train", r.data().train(), r.train());
    row(rows, "dev", r.data().dev(), r.dev());
    row(rows, "test", r.data().test(), r.test());
    Table table = new Table("Results per set", List.of(Column.label("set"), Column.number("examples"),
        Column.number("accuracy"), Column.number("error"), Column.number("cost")), rows);
    return Section.plain("Results", List.of(table));
  }

  private static void row(List<List<Cell>> rows, String name, Examples set, Evaluation e) {
    if (e != null) {
      rows.add(List.of(Cell.text(name), Cell.integer(set.size()), Cell.percent(e.accuracy()),
          Cell.percent(1 - e.accuracy()), Cell.number(e.cost())));
    }
  }

  static String costNote(RunResult r) {
    double[] dev = r.history().devCost();
    String devPart = dev.length > 0 && !Double.isNaN(dev[dev.length - 1])
        ? String.format(Locale.ROOT, ", dev cost %.4g", dev[dev.length - 1]) : "";
    return String.format(Locale.ROOT, "Epoch %d: train cost %.4g (the mean over the epoch's mini-batches)%s. A dev curve "
        + "that turns up while the train curve keeps falling is overfitting; a train curve that jumps or rises means the "
        + "learning rate is too high.",
        r.history().epochs(), r.history().lastTrainCost(), devPart);
  }

  /** A section of plots with an optional paragraph; empty without plots. */
  static Optional<Section> figures(String title, List<Path> plots, String note) {
    if (plots.isEmpty()) {
      return Optional.empty();
    }
    List<Block> blocks = new ArrayList<>();
    if (!note.isEmpty()) {
      blocks.add(Block.Paragraph.plain(note));
    }
    blocks.add(new Block.Figures(images(plots)));
    return Optional.of(Section.plain(title, blocks));
  }

  private static List<Image> images(List<Path> plots) {
    List<Image> images = new ArrayList<>();
    for (Path p : plots) {
      String file = p.getFileName().toString();
      images.add(Image.of(p, file, plots.size() == 1).withAlt(PlotDescription.of(file)));
    }
    return images;
  }

  /** The course's bias/variance reading of train and dev error; needs a classifier and a dev set. */
  static Optional<Section> diagnosis(RunResult r) {
    if (r.dev() == null || Double.isNaN(r.train().accuracy()) || Double.isNaN(r.dev().accuracy())) {
      return Optional.empty();
    }
    Diagnosis d = Diagnosis.of(ErrorRates.of(1 - r.train().accuracy(), 1 - r.dev().accuracy()));
    Table gaps = new Table("Gaps", List.of(Column.label("measure"), Column.number("value")), List.of(
        List.of(Cell.text("train error"), Cell.percent(d.rates().trainError())),
        List.of(Cell.text("dev error"), Cell.percent(d.rates().devError())),
        List.of(Cell.text("avoidable bias (train error − 0 %)"), points(d.avoidableBias())),
        List.of(Cell.text("variance (dev error − train error)"), points(d.variance()))));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Problem:", d.problem().label() + " (a gap counts above "
        + points(d.tolerance()).text() + "; no Bayes error given, so it is taken as 0 %)", "setting"));
    blocks.add(gaps);
    if (!d.remedies().isEmpty()) {
      blocks.add(new Block.Items("What to try", d.remedies()));
    }
    return Optional.of(Section.plain("Bias and variance", blocks));
  }

  private static Cell points(double gap) {
    return new Cell(String.format(Locale.ROOT, "%.1f points", 100 * gap), gap);
  }

  /** Counts of true against predicted classes on the dev set (else test, else train), with per-class scores. */
  static Optional<Section> confusion(RunResult r, List<Path> plots) {
    if (!r.data().train().isClassification()) {
      return plots.isEmpty() ? Optional.empty() : figures("Confusion matrix", plots, "");
    }
    String name = r.dev() != null ? "dev" : r.test() != null ? "test" : "train";
    Examples set = r.dev() != null ? r.data().dev() : r.test() != null ? r.data().test() : r.data().train();
    Evaluation e = r.dev() != null ? r.dev() : r.test() != null ? r.test() : r.train();
    Metrics m = e.metrics();
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.Paragraph.plain(String.format(Locale.ROOT, "On the %s set (%d examples): rows are the true class, "
        + "columns the predicted one, so the diagonal holds the correct predictions.", name, set.size())));
    blocks.add(counts(m, set.classNames()));
    blocks.add(scores(m, set.classNames()));
    if (!plots.isEmpty()) {
      blocks.add(new Block.Figures(images(plots)));
    }
    return Optional.of(Section.plain("Confusion matrix", blocks));
  }

  private static Table counts(Metrics m, List<String> classes) {
    List<Column> columns = new ArrayList<>(List.of(Column.label("true \\ predicted")));
    classes.forEach(c -> columns.add(Column.number(c)));
    List<List<Cell>> rows = new ArrayList<>();
    for (int t = 0; t < classes.size(); t++) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(classes.get(t))));
      for (int p = 0; p < classes.size(); p++) {
        Cell count = Cell.integer(m.confusion().count(t, p));
        row.add(t == p ? count.emphasize() : count);
      }
      rows.add(row);
    }
    return new Table("Counts", columns, rows);
  }

  private static Table scores(Metrics m, List<String> classes) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Metrics.ClassScore s : m.classes()) {
      rows.add(List.of(Cell.text(classes.get(s.classIndex())), Cell.number(s.precision()), Cell.number(s.recall()),
          Cell.number(s.f1()), Cell.integer(s.support())));
    }
    return new Table("Per class", List.of(Column.label("class"), Column.number("precision"), Column.number("recall"),
        Column.number("F1"), Column.number("support")), rows);
  }
}
