package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.train.ConfusionMatrix;
import dev.descent.train.Metrics;
import java.io.PrintWriter;
import java.util.List;

/** Per-class precision, recall and F1 and the confusion matrix of a classifier on a data set. */
record ClassReport(Metrics metrics, List<String> classNames) {

  static ClassReport of(Matrix outputs, Dataset labelled) {
    return new ClassReport(Metrics.of(outputs, labelled.targets()), labelled.classNames());
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
  }

  void print(PrintWriter out) {
    String[][] rows = new String[metrics.classes().size() + 1][];
    rows[0] = new String[] {"class", "precision", "recall", "F1", "support"};
    for (Metrics.ClassScore s : metrics.classes()) {
      rows[s.classIndex() + 1] = new String[] {classNames.get(s.classIndex()), Report.number(s.precision()),
          Report.number(s.recall()), Report.number(s.f1()), Long.toString(s.support())};
    }
    Report.table(out, rows);
    out.println();
    ConfusionMatrix c = metrics.confusion();
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
}
