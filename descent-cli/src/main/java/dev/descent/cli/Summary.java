package dev.descent.cli;

import dev.descent.run.RunResult;
import dev.descent.train.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The human summary of a training run: settings, a result table, and where the files went. */
final class Summary {
  private Summary() {}

  static void ofRun(PrintWriter out, String settings, RunResult r, Path model, List<Path> plots) {
    out.print(settings);
    if (!r.history().completed()) {
      out.println("stopped   " + r.history().stopReason());
    }
    out.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"set", "examples", "accuracy", "cost"});
    add(rows, "train", r.data().train().size(), r.train());
    if (r.dev() != null) {
      add(rows, "dev", r.data().dev().size(), r.dev());
    }
    if (r.test() != null) {
      add(rows, "test", r.data().test().size(), r.test());
    }
    Report.table(out, rows.toArray(new String[0][]));
    out.println();
    out.println("model     " + model);
    java.nio.file.Path history = model.resolveSibling(dev.descent.train.HistoryLog.JSONL);
    if (java.nio.file.Files.exists(history)) {
      out.println("history   " + history + " (and " + dev.descent.train.HistoryLog.CSV + "; watch it with: descent dashboard " + model.getParent() + ")");
    }
    for (Path p : plots) {
      out.println("plot      " + p);
    }
    out.flush();
  }

  private static void add(List<String[]> rows, String name, int size, Evaluation e) {
    rows.add(new String[] {name, Integer.toString(size), Report.percent(e.accuracy()), Report.number(e.cost())});
  }
}
