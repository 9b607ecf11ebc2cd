package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.run.TrainingObjective;
import dev.descent.run.TrainingSettings;
import dev.descent.search.CoarseToFine;
import dev.descent.search.Metric;
import dev.descent.search.Pruner;
import dev.descent.search.Sampler;
import dev.descent.search.SearchConfig;
import dev.descent.search.Space;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** What to search and how: the space, trials, metric, sampler, rounds, pruning, parallelism, journal. */
public final class SearchOptions {
  @Option(names = "--param", paramLabel = "NAME=SPEC",
      description = "A parameter and its distribution, repeatable: lr=log:1e-4:1e-1, beta=one-minus-log:0.9:0.999, hidden=int-log:4:64, "
          + "hidden=choice:20-7,5-2, layers=int:1:4, batch-size=choice:32,64, keep-prob=uniform:0.5:1, activation=choice:relu,tanh. "
          + "Names: any option of train (lr, beta, beta1, beta2, epsilon, weight-decay, schedule, hidden, layers, activation, init, "
          + "batch-size, epochs, optimizer, l2, keep-prob).")
  List<String> params;

  @Option(names = "--space", paramLabel = "FILE", description = "Read the parameters from a file of NAME=SPEC lines (# comments) instead of --param.")
  Path spaceFile;

  @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "Trials in all, shared among the --rounds (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--metric", paramLabel = "NAME", defaultValue = "dev_accuracy",
      description = "dev_accuracy (maximised) or dev_cost (minimised) (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "random",
      description = "random, grid or tpe[:startup=10,gamma=0.25,candidates=24,batch=4] (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
      description = "Coarse-to-fine rounds: each samples its share of --trials in the box around the previous round's top 25%% (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--prune", paramLabel = "NAME", defaultValue = "none",
      description = "Stop hopeless trials early: none, median[:warmup=2,min-trials=5] or asha[:min-epochs=1,eta=3] (default: ${DEFAULT-VALUE}).")
  String prune;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Trials trained at once on this machine (default: the number of cores).")
  Integer parallel;

  @Option(names = "--journal", paramLabel = "FILE", description = "Journal of finished trials, one JSON line each (default: --out/search.jsonl).")
  Path journal;

  @Option(names = "--resume", description = "Continue the search in --journal: its trials are kept and not run again.")
  boolean resume;

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run the trials as Apache Spark tasks: local[N] (in this process), spark://HOST:PORT, yarn… (needs the descent-spark module; "
          + "./descent builds it when this option is given).")
  String spark;

  /** The parameters and their distributions, checked against the base settings. */
  Space space(TrainingSettings base) {
    if (params != null && spaceFile != null) {
      throw new UsageException("give the parameters with --param or with --space FILE, not both");
    }
    if (params == null && spaceFile == null) {
      throw new UsageException("give the parameters to search: --param NAME=SPEC (repeatable), e.g. --param lr=log:1e-4:1e-1, or --space FILE");
    }
    Space space = params != null ? Space.parse(params, TrainingObjective.PARAMETERS) : Space.read(spaceFile, TrainingObjective.PARAMETERS);
    try {
      TrainingObjective.check(space, base);
    } catch (IllegalArgumentException e) {
      if (spaceFile != null) {
        throw new DescentException(e.getMessage(), spaceFile.toString(), -1, -1, e);
      }
      throw new UsageException("--param " + e.getMessage());
    }
    return space;
  }

  SearchConfig config(long seed) {
    if (trials < 1) {
      throw new UsageException("--trials " + trials + ": must be at least 1");
    }
    if (rounds < 1) {
      throw new UsageException("--rounds " + rounds + ": must be at least 1 (1 is a single round, no coarse-to-fine)");
    }
    if (trials < rounds) {
      throw new UsageException("--trials " + trials + " with --rounds " + rounds + ": the trials are shared among the rounds and each needs at least one; "
          + "give --trials " + rounds + " or more");
    }
    return SearchConfig.of(seed, trials)
        .withMetric(option("--metric", () -> Metric.parse(metric)))
        .withSampler(option("--sampler", () -> Sampler.parse(sampler)))
        .withPruner(option("--prune", () -> Pruner.parse(prune)))
        .withCoarseToFine(CoarseToFine.of(rounds));
  }

  int threads() {
    int n = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
    if (n < 1) {
      throw new UsageException("--parallel " + n + ": must be at least 1 trial at a time");
    }
    return n;
  }

  Path journalFile(Path outDirectory) {
    return journal != null ? journal : outDirectory.resolve("search.jsonl");
  }

  private static <T> T option(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": " + e.getMessage());
    }
  }
}
