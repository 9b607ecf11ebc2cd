package dev.descent.cli;

import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.TrainingContext;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for a log file or a pipe ({@code train > log 2>&1}): whole lines, no carriage
 * returns. Every {@code --log-every} epochs when given, else whenever 5 s have passed or another
 * tenth of the run is done, like Keras's {@code verbose=2}:
 *
 * <pre>
 * train epoch 1000/10000  cost 0.4123  dev acc 0.913  0:02 elapsed, ETA 0:18
 * </pre>
 */
final class ProgressLines implements Callback {
  private static final long PERIOD_NANOS = 5_000_000_000L;
  private final PrintWriter err;
  private final String label;
  private final Integer every;
  private long start;
  private long lastLine;
  private int totalEpochs;
  private int firstEpoch = -1;

  ProgressLines(PrintWriter err, String label, Integer every) {
    this.err = err;
    this.label = label;
    this.every = every;
  }

  @Override
  public void onStart(TrainingContext context) {
    start = System.nanoTime();
    lastLine = start;
    totalEpochs = context.config().epochs();
  }

  @Override
  public boolean onEpochEnd(EpochResult r, TrainingContext context) {
    int done = r.epoch() + 1;
    if (firstEpoch < 0) {
      firstEpoch = r.epoch();
    }
    boolean due;
    long now = 0;
    if (every != null) {
      due = done % every == 0;
    } else {
      now = System.nanoTime();
      long tenth = Math.max(1, totalEpochs / 10);
      due = done % tenth == 0 || now - lastLine >= PERIOD_NANOS;
    }
    if (!due) {
      return false;
    }
    now = now == 0 ? System.nanoTime() : now;
    lastLine = now;
    double elapsed = (now - start) / 1e9;
    double eta = elapsed / (done - firstEpoch) * (totalEpochs - done);
    err.println(String.format(Locale.ROOT, "%s epoch %d/%d  cost %.4f%s  %s elapsed, ETA %s", label, done, totalEpochs, r.trainCost(),
        r.hasDev() ? String.format(Locale.ROOT, "  dev acc %.3f", r.devAccuracy()) : "", ProgressBar.clock(elapsed), ProgressBar.clock(eta)));
    err.flush();
    return false;
  }
}
