package dev.descent.bench;

import dev.descent.cli.ModuleCommand;
import dev.descent.cli.UsageException;
import dev.descent.tensor.Blas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent bench SUITE}: times fixed workloads in this process, after JIT warm-up, and
 * reports them with the machine, the JVM, the OpenBLAS build and threads, and the peak resident
 * memory. {@code descent-bench/compare.sh} sets the results beside numpy's and PyTorch's.
 *
 * <pre>
 * descent bench course --json          # optimization-gd, optimization-adam, init-he (seconds)
 * descent bench mlp --examples 8192    # mlp-b32, mlp-b128, mlp-b1024 (samples/s)
 * descent bench gemm --threads 1       # sgemm-N, dgemm-N (GFLOPS)
 * descent bench data --quick           # csv-parse (MB/s), npy-mlp-b128 (samples/s), npy-epoch-beyond-heap (s), …
 * descent bench serve                  # serve-1row-c1, serve-1row-c4 (p99 ms), serve-256rows-c2 (rows/s)
 * descent bench startup                # startup-version, startup-train, startup-predict (s, whole processes)
 * ./descent bench spark                # spark-sync-b1024/b8192 (ms/step, sync share), spark-average-k1/k8/k32 (samples/s)
 * </pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure Descent's speed on fixed workloads, in process after JIT warm-up.",
        "Suites: course (the course's experiments, seconds), mlp (784-512-256-10 throughput, samples/s), "
            + "gemm (matrix products, GFLOPS), gradcheck (gradient-check cost, seconds), "
            + "search (parallel random-search trials on 1 thread and on all, seconds), "
            + "data (CSV MB/s and peak RSS, mapped vs resident MLP samples/s, an epoch over a file beyond the heap), "
            + "serve (descent serve: p50/p99 latency of 1-row requests, rows/s of 256-row requests), "
            + "startup (wall time of whole descent processes: --version, a 1-epoch train, a 1-row predict), "
            + "spark (with ./descent, which adds the Spark module: --sync every-step's cost per step on local[2] at "
            + "global batch 1024 and 8192, --sync average:K samples/s for K = 1, 8, 32, beside local runs).",
        "Compare with numpy and PyTorch: descent-bench/compare.sh (writes docs/performance.md)."})
public final class BenchCommand implements ModuleCommand {
  static final Map<String, Suite> SUITES = suites();
  /** The suite descent-spark provides through {@link ServiceLoader}. */
  static final String SPARK = "spark";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", completionCandidates = Names.class,
      description = "The suite: ${COMPLETION-CANDIDATES}.")
  String suite;

  @Option(names = "--json", description = "Print one JSON object on stdout instead of the table.")
  boolean json;

  @Option(names = "--threads", paramLabel = "N",
      description = "OpenBLAS threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--quick", description = "Smoke-test sizes, a few seconds per suite; not comparable with full runs.")
  boolean quick;

  @Option(names = "--repeats", paramLabel = "N", description = "Timed repetitions (default: course and mlp 3, "
      + "gemm 7 samples, gradcheck 5; with --quick 1, gemm still 7).")
  Integer repeats;

  @Option(names = "--examples", paramLabel = "N",
      description = "mlp and spark only: synthetic examples, at least 1024 (default: mlp 60000, spark 16384; with --quick mlp 2048).")
  Integer examples;

  @Option(names = "--sizes", paramLabel = "N[,N…]", split = ",",
      description = "gemm only: square sizes (default: 256,512,1024,2048; with --quick 256,512).")
  List<Integer> sizes;

  @Option(names = "--epoch-examples", paramLabel = "N",
      description = "data only: examples (× 784 float32) of the file the beyond-heap epoch streams "
          + "(default: 375000, 1.1 GiB; with --quick 20000). The issue's stretch: 5000000 (15.7 GB on disk).")
  Integer epochExamples;

  @Option(names = "--history", description = "course only: the timed runs also write history.jsonl and history.csv (to a "
      + "temporary directory), as train does; compare with a run without it for the cost of the history.")
  boolean history;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  private static Map<String, Suite> suites() {
    Map<String, Suite> m = new LinkedHashMap<>();
    for (Suite s : new Suite[] {new CourseSuite(), new MlpSuite(), new GemmSuite(), new GradcheckSuite(), new SearchSuite(),
        new DataSuite(), new ServeSuite(), new StartupSuite()}) {
      m.put(s.name(), s);
    }
    // suites of modules the descent jar leaves out (descent-spark's "spark"), when on the class path
    for (Suite s : ServiceLoader.load(Suite.class)) {
      m.putIfAbsent(s.name(), s);
    }
    return m;
  }

  static final class Names extends ArrayList<String> {
    Names() {
      super(SUITES.keySet());
    }
  }

  @Override
  public Integer call() {
    Suite chosen = SUITES.get(suite);
    if (chosen == null && suite.equals(SPARK)) {
      throw new UsageException("suite 'spark' needs the descent-spark module on the class path; run it as ./descent bench spark, "
          + "which builds the module and adds Spark");
    }
    if (chosen == null) {
      throw new UsageException("suite '" + suite + "' is unknown; expected one of " + String.join(", ", SUITES.keySet()));
    }
    if (examples != null && !suite.equals("mlp") && !suite.equals(SPARK)) {
      throw new UsageException("--examples applies to the mlp and spark suites only; drop it for " + suite);
    }
    if (sizes != null && !suite.equals("gemm")) {
      throw new UsageException("--sizes applies to the gemm suite only; drop it for " + suite);
    }
    if (epochExamples != null && !suite.equals("data")) {
      throw new UsageException("--epoch-examples applies to the data suite only; drop it for " + suite);
    }
    if (history && !suite.equals("course")) {
      throw new UsageException("--history applies to the course suite only; drop it for " + suite);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    BenchSettings settings = new BenchSettings(quick, repeats, examples, sizes, threads == null ? cores : threads,
        epochExamples, history);
    Blas.setThreads(settings.threads());
    Machine machine = Machine.current();
    PrintWriter err = spec.commandLine().getErr();
    List<BenchResult> results = chosen.run(settings, err);
    BenchReport report = new BenchReport(suite, chosen.describe(settings), settings, machine, results,
        Machine.peakResidentKib());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      report.printJson(out);
    } else {
      report.printTable(out);
    }
    return 0;
  }
}
