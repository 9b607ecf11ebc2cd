package dev.descent.cli;

import dev.descent.data.io.ConversionProgress;
import java.io.PrintWriter;

/**
 * The progress line of {@code convert} on stderr (MB read of the total, rows, MB/s), redrawn at
 * most ten times a second; only on a terminal: {@link #forTerminal} returns null otherwise.
 */
final class ConversionMeter implements ConversionProgress {
  private static final long REDRAW_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDraw;

  private ConversionMeter(PrintWriter err) {
    this.err = err;
  }

  static ConversionMeter forTerminal(PrintWriter err) {
    return Terminal.stderrIsTerminal() ? new ConversionMeter(err) : null;
  }

  @Override
  public void update(long bytesRead, long totalBytes, long rows) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double seconds = (now - start) / 1e9;
    err.printf("\rconvert %.1f / %.1f MB  %,d rows  %.1f MB/s ", bytesRead / 1e6, totalBytes / 1e6, rows,
        bytesRead / 1e6 / Math.max(seconds, 1e-9));
    err.flush();
  }

  void clear() {
    err.print("\r" + " ".repeat(72) + "\r");
    err.flush();
  }
}
