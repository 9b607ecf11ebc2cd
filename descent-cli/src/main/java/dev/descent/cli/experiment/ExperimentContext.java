package dev.descent.cli.experiment;

import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What an experiment gets from the command line: the output directory, an optional data file
 * replacing its built-in data, where to log progress (stderr), the generator of the course's
 * tables ({@code --rng}: numpy replays the notebooks, descent runs Descent's look-alike setting)
 * and how many seeds to spread each configuration over ({@code --seeds}, 0 for none).
 */
public record ExperimentContext(Path out, String dataFile, PrintWriter log, Rng.Kind rng, int seeds) {
  /** Course mode, no spread. */
  public ExperimentContext(Path out, String dataFile, PrintWriter log) {
    this(out, dataFile, log, Rng.Kind.NUMPY, 0);
  }
}
