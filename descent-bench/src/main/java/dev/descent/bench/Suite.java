package dev.descent.bench;

import java.io.PrintWriter;
import java.util.List;

/** A named set of benchmark workloads that {@code descent bench NAME} runs in process. */
public interface Suite {
  String name();

  /** The workloads in one line, for the report's header. */
  String describe(BenchSettings settings);

  /** Runs every workload (progress lines to {@code log}) and returns one result per workload. */
  List<BenchResult> run(BenchSettings settings, PrintWriter log);
}
