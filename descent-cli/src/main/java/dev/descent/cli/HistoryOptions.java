package dev.descent.cli;

import picocli.CommandLine.Option;

/** How a run reports its epochs: progress on stderr and the history in --json. */
public final class HistoryOptions {
  /** What {@code --json} carries of the history. */
  enum JsonHistory { none, epochs }

  @Option(names = "--log-every", paramLabel = "N",
      description = "When stderr is not a terminal, print a progress line every N epochs (default: about every 5 s and every 10 %% of the "
          + "run; none with --json unless this is given). On a terminal a progress bar is drawn instead.")
  Integer logEvery;

  @Option(names = "--json-history", paramLabel = "WHAT", defaultValue = "epochs",
      description = "What --json includes of the per-epoch history: epochs (every epoch, as in history.jsonl) or none (default: ${DEFAULT-VALUE}).")
  JsonHistory jsonHistory;

  /** Checked before anything is read. */
  void check() {
    if (logEvery != null && logEvery < 1) {
      throw new UsageException("--log-every " + logEvery + ": must be at least 1 epoch, e.g. --log-every 100");
    }
  }

  /**
   * A bar on a terminal, else plain lines; with --json (a script reads the output) plain lines
   * only when --log-every asks for them.
   */
  dev.descent.train.Callback progress(java.io.PrintWriter err, String label, boolean json) {
    if (Terminal.stderrIsTerminal()) {
      return new ProgressBar(err, label);
    }
    return json && logEvery == null ? (r, context) -> false : new ProgressLines(err, label, logEvery);
  }
}
