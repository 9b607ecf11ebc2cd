package dev.descent.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, the one random seed of a run; its default is {@link CoreDefaults}'. */
public final class SeedOption {
  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seeds every random choice: initialization, split, shuffles, dropout masks, directions (default: ${DEFAULT-VALUE}).")
  long seed;
}
