package dev.descent.cli.experiment;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What an experiment gets from the command line: the output directory, an optional data file
 * replacing its built-in data, and where to log progress (stderr).
 */
public record ExperimentContext(Path out, String dataFile, PrintWriter log) {}
