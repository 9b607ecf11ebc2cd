package dev.descent.cli.report;

import dev.descent.DescentException;
import dev.descent.run.RunResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --report} of {@code descent train}: also writes {@code --out/report.html}, one
 * self-contained page ({@link TrainReport}) with the plots given and every other PNG this run
 * wrote into {@code --out} (modified since the command line was read), so plots written by
 * callbacks during training (gradient norms) appear without being passed in.
 */
public final class ReportOptions {
  public static final String FILE = "report.html";

  @Option(names = "--report", description = "Also write " + FILE + " to --out: settings, results, plots and diagnosis on one self-contained page.")
  boolean report;

  // NOTE: picocli builds this object when it reads the command line, before the run; a PNG older than this is a previous run's
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** Writes the page when {@code --report} was given and returns its path. */
  public Optional<Path> write(RunResult result, Map<String, Object> settings, List<Path> plots, Path model, Path dir) {
    if (!report) {
      return Optional.empty();
    }
    List<Path> all = new ArrayList<>(plots);
    for (Path p : pngsSince(dir, started)) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    return Optional.of(new TrainReport(result, settings, all, model).page(Provenance.current()).write(dir.resolve(FILE)));
  }

  /** The PNGs directly in {@code dir} modified at or after {@code since}, by name. */
  static List<Path> pngsSince(Path dir, Instant since) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.png")) {
      for (Path p : files) {
        if (Files.isRegularFile(p) && !Files.getLastModifiedTime(p).toInstant().isBefore(since)) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      throw new DescentException("cannot list the plots for the report (" + e.getClass().getSimpleName() + ")", dir.toString(), -1, -1, e);
    }
    found.sort(null);
    return found;
  }
}
