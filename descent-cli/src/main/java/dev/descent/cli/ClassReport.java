package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.plot.ConfusionPlot;
import dev.descent.cli.plot.Figures;
import dev.descent.data.Examples;
import dev.descent.run.RunResult;
import dev.descent.train.ConfusionMatrix;
import dev.descent.train.Evaluation;
import dev.descent.train.Metrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-class precision, recall and F1 and the confusion matrix (rows true, columns predicted) of
 * a classifier on one set, as a table, JSON and a heat map.
 *
 * <pre>{@code
 * ClassReport r = ClassReport.of("dev", evaluation.outputs(), devSet);
 * r.print(out);                               // class  precision  recall  F1  support, then the matrix
 * r.writeHeatMap(dir.resolve("confusion.png"));
 * }</pre>
 */
record ClassReport(String set, Metrics metrics, List<String> classNames) {

  static ClassReport of(String set, Evaluation e, Examples labelled) {
    return new ClassReport(set, e.metrics(), labelled.classNames());
  }

  /** The report a training run shows: on the dev set, or on the training set when there is none; null for regression. */
  static ClassReport forRun(RunResult r) {
    if (!r.data().train().isClassification()) {
      return null;
    }
    return r.dev() != null ? of("dev", r.dev(), r.data().dev()) : of("train", r.train(), r.data().train());
  }

  /** Adds {@code "classes"} and {@code "confusion"} to each set object ("train", "dev", "test") of a run's JSON. */
  static void addToSets(ObjectNode json, RunResult r) {
    if (!r.data().train().isClassification()) {
      return;
    }
    addTo(json, "train", r.train(), r.data().train());
    addTo(json, "dev", r.dev(), r.data().dev());
    addTo(json, "test", r.test(), r.data().test());
  }

  private static void addTo(ObjectNode json, String set, Evaluation e, Examples data) {
    if (e != null && json.get(set) instanceof ObjectNode node) {
      of(set, e, data).addTo(node);
    }
  }

  ConfusionMatrix confusion() {
    return metrics.confusion();
  }

  /** Adds {@code "classes"} (per-class scores) and {@code "confusion"} (rows true, columns predicted). */
  void addTo(ObjectNode json) {
    ArrayNode classes = json.putArray("classes");
    for (Metrics.ClassScore s : metrics.classes()) {
      classes.addObject().put("name", classNames.get(s.classIndex())).put("precision", s.precision())
          .put("recall", s.recall()).put("f1", s.f1()).put("support", s.support());
    }
    ArrayNode confusion = json.putArray("confusion");
    ConfusionMatrix c = metrics.confusion();
    for (int t = 0; t < c.classes(); t++) {
      ArrayNode row = confusion.addArray();
      for (int p = 0; p < c.classes(); p++) {
        row.add(c.count(t, p));
      }
    }
    json.put("macro_f1", metrics.macroF1());
  }

  void print(PrintWriter out) {
    out.println(set + " set by class:");
    String[][] rows = new String[metrics.classes().size() + 2][];
    rows[0] = new String[] {"class", "precision", "recall", "F1", "support"};
    for (Metrics.ClassScore s : metrics.classes()) {
      rows[s.classIndex() + 1] = new String[] {classNames.get(s.classIndex()), Report.number(s.precision()),
          Report.number(s.recall()), Report.number(s.f1()), Long.toString(s.support())};
    }
    rows[rows.length - 1] = new String[] {"macro average", Report.number(metrics.macroPrecision()),
        Report.number(metrics.macroRecall()), Report.number(metrics.macroF1()), Long.toString(metrics.confusion().total())};
    Report.table(out, rows);
    out.println();
    ConfusionMatrix c = metrics.confusion();
    if (c.classes() > MAX_GRID) {
      printTopConfusions(out, c);
      return;
    }
    out.println(set + " set confusion matrix (rows true, columns predicted):");
    String[][] grid = new String[c.classes() + 1][c.classes() + 1];
    grid[0][0] = "true \\ predicted";
    for (int k = 0; k < c.classes(); k++) {
      grid[0][k + 1] = classNames.get(k);
      grid[k + 1][0] = classNames.get(k);
      for (int p = 0; p < c.classes(); p++) {
        grid[k + 1][p + 1] = Long.toString(c.count(k, p));
      }
    }
    Report.table(out, grid);
  }

  /** Beyond this many classes a K × K grid does not fit a terminal: the largest confusions instead. */
  static final int MAX_GRID = 20;

  private void printTopConfusions(PrintWriter out, ConfusionMatrix c) {
    List<long[]> pairs = new java.util.ArrayList<>();
    for (int t = 0; t < c.classes(); t++) {
      for (int p = 0; p < c.classes(); p++) {
        if (t != p && c.count(t, p) > 0) {
          pairs.add(new long[] {c.count(t, p), t, p});
        }
      }
    }
    pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
    int shown = Math.min(10, pairs.size());
    out.println(set + " set: " + c.classes() + " classes, too many for the whole matrix; the " + shown
        + " largest confusions (all counts: --json \"confusion\"):");
    String[][] rows = new String[shown + 1][];
    rows[0] = new String[] {"true class", "predicted as", "examples", "share of the true class"};
    for (int i = 0; i < shown; i++) {
      long[] q = pairs.get(i);
      long support = metrics.classes().get((int) q[1]).support();
      rows[i + 1] = new String[] {classNames.get((int) q[1]), classNames.get((int) q[2]), Long.toString(q[0]),
          Report.percent((double) q[0] / support)};
    }
    Report.table(out, rows);
  }

  /** The confusion matrix as a heat map (each cell's share of its row), written as PNG; returns {@code file}. */
  Path writeHeatMap(Path file) {
    ConfusionMatrix c = metrics.confusion();
    long[][] counts = new long[c.classes()][c.classes()];
    for (int t = 0; t < c.classes(); t++) {
      for (int p = 0; p < c.classes(); p++) {
        counts[t][p] = c.count(t, p);
      }
    }
    Figures.standard().confusionMatrix(new ConfusionPlot("Confusion matrix (" + set + " set)", classNames, counts))
        .writePng(file);
    return file;
  }
}
