package dev.descent.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code descent bench} on a class path without descent-bench (the benchmark harness, a {@link
 * ModuleCommand} the descent jar leaves out): listed in the help as always, and, run, one line
 * saying how to run it. {@code ./descent bench} puts the module on the class path, where its
 * {@code BenchCommand} takes this one's place.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure Descent's speed on fixed workloads, in process after JIT warm-up.",
        "In the descent-bench module: run ./descent bench SUITE, which builds it and adds it to the class path."})
final class MissingBenchCommand implements Callable<Integer> {
  /** Whatever was given: the suite and its options are the module's to check. */
  @Unmatched
  List<String> arguments;

  @Override
  public Integer call() {
    throw new UsageException("bench is in the descent-bench module, which this class path lacks; run it as ./descent bench …, "
        + "which builds the module and adds it");
  }
}
