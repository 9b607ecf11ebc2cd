package dev.descent.cli;

import dev.descent.search.Metric;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchListener;
import dev.descent.search.Status;
import dev.descent.search.TrialRecord;
import java.io.PrintWriter;

/**
 * One progress line on stderr while a search runs ("trial 12/64, 3 pruned, best dev_accuracy
 * 0.9333"), redrawn as trials finish. Only on a terminal: elsewhere {@link #forTerminal} gives a
 * listener that prints nothing, so that logs and tests see no carriage returns.
 */
final class SearchProgress implements SearchListener {
  private final PrintWriter err;
  private final boolean visible;
  private final Metric metric;
  private final int total;
  private int done;
  private int pruned;
  private int failed;
  private double best = Double.NaN;

  private SearchProgress(PrintWriter err, boolean visible, SearchConfig config) {
    this.err = err;
    this.visible = visible;
    this.metric = config.metric();
    this.total = config.totalTrials();
  }

  static SearchProgress forTerminal(PrintWriter err, SearchConfig config) {
    return new SearchProgress(err, Terminal.stderrIsTerminal(), config);
  }

  @Override
  public void trialFinished(TrialRecord r) {
    done++;
    pruned += r.status() == Status.PRUNED ? 1 : 0;
    failed += r.status() == Status.FAILED ? 1 : 0;
    double value = metric.of(r);
    if (r.status() == Status.COMPLETE && metric.score(value) > metric.score(best)) {
      best = value;
    }
    if (visible) {
      err.printf("\rsearch: trial %d/%d done, %d pruned, %d failed, best %s %s ", done, total, pruned, failed, metric.jsonName(),
          Double.isNaN(best) ? "-" : String.format("%.4f", best));
      err.flush();
    }
  }

  /** Clears the line. */
  void finish() {
    if (visible && done > 0) {
      err.print("\r" + " ".repeat(90) + "\r");
      err.flush();
    }
  }
}
