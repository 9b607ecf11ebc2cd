package dev.descent.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.DescentException;
import dev.descent.run.ClusterExecutor;
import dev.descent.run.RunConfig;
import dev.descent.search.Metric;
import dev.descent.search.SearchConfig;
import dev.descent.search.Trial;
import dev.descent.search.TrialRecord;
import dev.descent.search.TrialRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs search trials as Spark tasks: one small job per trial, all submitted at once, so that the
 * cluster runs as many together as it has cores and the driver hears of each as it finishes and
 * appends it to the journal at once (a killed driver loses only the trials in flight). A task
 * gets plain data (id, params, seed, round, and the run's recipe as JSON in the function) and
 * returns the trial's journal line. A failed task is retried by Spark ({@code
 * spark.task.maxFailures}, or {@code local[N,F]}); trials are seeded, so a retry gives the same
 * result.
 *
 * <p>Pruning across trials is not available: a task sees no other trial, and waiting for smaller
 * ids as the local {@code PruningBoard} does would tie up the cluster's cores; {@link #connect}
 * refuses a pruner other than none.
 *
 * <p>Before connecting to a standalone master ({@code spark://HOST:PORT}) it checks within {@value
 * #CONNECT_SECONDS} s that the port answers, and after connecting it waits at most {@value
 * #EXECUTOR_SECONDS} s for a first executor, so that a wrong address fails fast with a clear
 * message instead of hanging.
 *
 * <pre>{@code
 * try (SparkExecutor spark = SparkExecutor.connect("local[2]", recipe, SearchConfig.of(1, 16))) {
 *   new Search(config, spark, InstantSource.system(), SearchListener.NONE).run(space, objective, journal);
 * }
 * }</pre>
 */
public final class SparkExecutor implements ClusterExecutor {
  static final int CONNECT_SECONDS = 5;
  static final int EXECUTOR_SECONDS = 60;
  /** Test hook: trial ids (comma-separated) whose first task attempt fails on purpose. */
  static final String FAIL_FIRST_ATTEMPT = "spark.descent.failFirstAttempt";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String master;
  private final JavaSparkContext spark;
  private final TrialFunction function;
  /** For the round of each trial id. */
  private final SearchConfig search;

  private SparkExecutor(String master, JavaSparkContext spark, TrialFunction function, SearchConfig search) {
    this.master = master;
    this.spark = spark;
    this.function = function;
    this.search = search;
  }

  /** Connects to {@code master} with Spark's defaults and settings from {@code spark.*} system properties (as spark-submit sets them). */
  public static SparkExecutor connect(String master, RunConfig recipe, SearchConfig search) {
    return connect(master, recipe, search, new SparkConf());
  }

  static SparkExecutor connect(String master, RunConfig recipe, SearchConfig search, SparkConf conf) {
    if (!search.pruner().spec().equals("none")) {
      throw new IllegalArgumentException("--prune " + search.pruner().spec() + ": pruning across trials is not available with --spark "
          + "(each trial runs alone in a Spark task); use --prune none, or run without --spark");
    }
    JavaSparkContext spark = context(master, conf, "descent search");
    Set<Integer> failFirst = new HashSet<>();
    for (String id : conf.get(FAIL_FIRST_ATTEMPT, "").split(",")) {
      if (!id.isBlank()) {
        failFirst.add(Integer.parseInt(id.strip()));
      }
    }
    return new SparkExecutor(master, spark, new TrialFunction(recipe.toJsonText(), search.metric(), failFirst), search);
  }

  /**
   * A Spark context on {@code master}: a standalone master must answer within {@value
   * #CONNECT_SECONDS} s, and a first executor must join within {@value #EXECUTOR_SECONDS} s.
   */
  static JavaSparkContext context(String master, SparkConf conf, String appName) {
    checkReachable(master);
    conf.setMaster(master).setAppName(appName).setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false")
        // a partition's gradient (4.3 MB for the 784-512-256-10 MLP) comes back in the task's own message, not through
        // the block manager and a second fetch (results over 1 MiB by default; Spark caps it at spark.rpc.message.maxSize)
        .setIfMissing("spark.task.maxDirectResultSize", "128m")
        // parameters are float64 noise to lz4: compressing each step's 4.3 MB broadcast costs time and saves no bytes
        .setIfMissing("spark.broadcast.compress", "false")
        // tasks find their cached partition where they run; waiting 3 s for a better place is no gain
        .setIfMissing("spark.locality.wait", "0");
    if (master.startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext spark;
    try {
      spark = new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      throw new DescentException("--spark " + master + ": Spark did not start: " + firstLine(e.getMessage())
          + "; masters look like local[4], spark://HOST:7077 or yarn");
    }
    if (!master.startsWith("local")) {
      awaitExecutor(master, spark);
    }
    return spark;
  }

  @Override
  public void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialRecord> done) {
    Map<Integer, JavaFutureAction<List<String>>> running = new LinkedHashMap<>();
    for (Trial t : trials) {
      TrialTask task = TrialTask.of(t, search.roundOf(t.id()));
      spark.setJobDescription("descent trial " + t.id());
      running.put(t.id(), spark.parallelize(List.of(task), 1).map(function).collectAsync());
    }
    try {
      while (!running.isEmpty()) {
        List<Integer> finished = new ArrayList<>();
        for (Map.Entry<Integer, JavaFutureAction<List<String>>> e : running.entrySet()) {
          if (e.getValue().isDone()) {
            done.accept(record(e.getKey(), e.getValue()));
            finished.add(e.getKey());
          }
        }
        finished.forEach(running::remove);
        if (finished.isEmpty()) {
          Thread.sleep(20);
        }
      }
    } catch (InterruptedException e) {
      running.values().forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new dev.descent.search.SearchInterrupted("search interrupted; the trials in flight were not recorded and run again on resume", e);
    } catch (RuntimeException e) {
      running.values().forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private TrialRecord record(int id, JavaFutureAction<List<String>> future) throws InterruptedException {
    String line;
    try {
      line = future.get().get(0);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Spark gave up on trial " + id + " after its retries: " + firstLine(String.valueOf(e.getCause())), e);
    }
    try {
      return TrialRecord.fromJson(JSON.readTree(line));
    } catch (IOException e) {
      throw new AssertionError("a task returned a line that is not JSON: " + line, e);
    }
  }

  @Override
  public void close() {
    spark.stop();
  }

  @Override
  public String toString() {
    return "spark(" + master + ")";
  }

  /** For spark://HOST:PORT[,HOST:PORT…]: at least one master must accept a connection. */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String address : master.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      String host = colon < 0 ? address : address.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--spark " + master + ": the port of " + address + " is not a number; e.g. spark://HOST:7077");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_SECONDS * 1000);
        return;
      } catch (IOException e) {
        problems.add(host + ":" + port + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
      }
    }
    throw new DescentException("--spark " + master + ": cannot reach the Spark master at " + String.join(", ", problems)
        + "; start it (sbin/start-master.sh) or check the address, or use --spark local[N] to run Spark in this process");
  }

  private static void awaitExecutor(String master, JavaSparkContext spark) {
    long deadline = System.nanoTime() + EXECUTOR_SECONDS * 1_000_000_000L;
    // the driver counts as one entry; a worker's executor makes two
    while (spark.sc().getExecutorMemoryStatus().size() < 2) {
      if (System.nanoTime() > deadline || spark.sc().isStopped()) {
        spark.stop();
        throw new DescentException("--spark " + master + ": no executor joined within " + EXECUTOR_SECONDS
            + " s; check that the master has workers with free cores (its web UI, port 8080)");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        spark.stop();
        throw new dev.descent.search.SearchInterrupted("interrupted while waiting for Spark executors", e);
      }
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no message";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
