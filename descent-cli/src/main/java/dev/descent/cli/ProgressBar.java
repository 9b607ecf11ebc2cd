package dev.descent.cli;

import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.TrainingContext;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr (epoch, cost, ETA), redrawn at most ten times a second.
 * Shown only when stderr is a terminal ({@link HistoryOptions#progress} prints plain lines otherwise).
 */
public final class ProgressBar implements Callback {
  private static final long REDRAW_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final String label;
  private long start;
  private long lastDraw;
  private int totalEpochs;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  /** A bar when stderr is a terminal, else null (no progress output at all). */
  public static ProgressBar forTerminal(PrintWriter err, String label) {
    return Terminal.stderrIsTerminal() ? new ProgressBar(err, label) : null;
  }

  @Override
  public void onStart(TrainingContext context) {
    start = System.nanoTime();
    totalEpochs = context.config().epochs();
  }

  @Override
  public boolean onEpochEnd(EpochResult r, TrainingContext context) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && r.epoch() + 1 < totalEpochs) {
      return false;
    }
    lastDraw = now;
    int done = r.epoch() + 1;
    int width = 24;
    int filled = (int) ((long) width * done / totalEpochs);
    double elapsed = (now - start) / 1e9;
    double eta = elapsed / done * (totalEpochs - done);
    err.printf("\r%s epoch %d/%d [%s%s] cost %.4f%s  ETA %s ", label, done, totalEpochs, "=".repeat(filled),
        " ".repeat(width - filled), r.trainCost(), r.hasDev() ? String.format("  dev acc %.3f", r.devAccuracy()) : "",
        clock(eta));
    err.flush();
    return false;
  }

  @Override
  public void onEnd(TrainingContext context) {
    err.print("\r" + " ".repeat(100) + "\r");
    err.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d", s / 60, s % 60);
  }
}
