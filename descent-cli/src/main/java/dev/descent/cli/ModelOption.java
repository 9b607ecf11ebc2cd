package dev.descent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model FILE}, required: the commands that use a saved model (predict, evaluate, export, serve). */
public final class ModelOption {
  @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model written by 'descent train'.")
  Path model;
}
