package dev.descent.bench;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import dev.descent.run.DataPlan;
import dev.descent.run.DataRequest;
import dev.descent.run.PreparedData;
import dev.descent.run.TrainingObjective;
import dev.descent.run.TrainingSettings;
import dev.descent.search.Journal;
import dev.descent.search.LocalExecutor;
import dev.descent.search.Search;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchListener;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.TrialRecord;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code search} suite of {@code descent bench}: a random search of {@value #TRIALS} trials
 * over Adam's learning rate (log:1e-4:1e-1) on the optimization lab's model (moons, 300 examples,
 * noise 0.2, seed 3, split 80/20 into train and dev; [2,5,2,1] relu, He init; mini-batches of 64;
 * {@value #EPOCHS} epochs each), timed on 1 thread and on 2, after a short warm-up. Reports the
 * seconds of each, the speed-up, and whether both gave the same trials (they must: seeds, not
 * threads, decide every number). Target on 2 cores: about a second, ≥ 1.8× from 1 to 2 threads.
 *
 * <pre>{@code
 * ObjectNode json = SearchBenchmark.run(SearchBenchmark.TRIALS, SearchBenchmark.EPOCHS, new int[] {1, 2});
 * json.get("speedup").asDouble();   // ≈ 1.9 on 2 free cores
 * }</pre>
 *
 * <p>{@code BenchCommand} calls {@link #run}; {@link #main} runs it alone:
 * {@code java -cp descent-cli/target/descent.jar:descent-bench/target/descent-bench.jar dev.descent.bench.SearchBenchmark}.
 */
public final class SearchBenchmark {
  public static final int TRIALS = 64;
  public static final int EPOCHS = 1000;
  static final long SEED = 1;

  private SearchBenchmark() {}

  static PreparedData data() {
    return new DataPlan(DataRequest.builtIn("moons", 300, 0.2, 3), null, List.of(80.0, 20.0), false, SEED).prepare();
  }

  static TrainingSettings settings(int epochs) {
    return TrainingSettings.defaults().with(Map.of("hidden", "5-2", "optimizer", "adam", "batch-size", 64, "epochs", epochs)).withSeed(SEED);
  }

  /** Times the search on each thread count in {@code threads}; the first count's run is preceded by a warm-up. */
  public static ObjectNode run(int trials, int epochs, int[] threads) {
    PreparedData data = data();
    Space space = Space.parse(List.of("lr=log:1e-4:1e-1"), TrainingObjective.PARAMETERS);
    TrainingObjective objective = new TrainingObjective(data, settings(epochs));
    // warm-up: the JIT compiles the training step before anything is timed
    search(SearchConfig.of(SEED + 1, Math.max(2, trials / 8)), space, new TrainingObjective(data, settings(Math.max(1, epochs / 4))), 2);
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("suite", "search");
    json.put("trials", trials);
    json.put("epochs", epochs);
    json.put("model", "moons 300 noise 0.2 seed 3, [2,5,2,1] relu, adam lr=log:1e-4:1e-1, batch 64");
    json.put("cores", Runtime.getRuntime().availableProcessors());
    ArrayNode runs = json.putArray("runs");
    List<String> first = null;
    boolean same = true;
    double firstSeconds = Double.NaN;
    double lastSeconds = Double.NaN;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int n : threads) {
      double loadBefore = os.getSystemLoadAverage();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      SearchResult result = search(SearchConfig.of(SEED, trials), space, objective, n);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      List<String> lines = new ArrayList<>();
      for (TrialRecord r : result.trials()) {
        lines.add(r.id() + " " + r.params() + " " + r.devAccuracy() + " " + r.devCost());
      }
      same &= first == null || first.equals(lines);
      first = first == null ? lines : first;
      firstSeconds = Double.isNaN(firstSeconds) ? seconds : firstSeconds;
      lastSeconds = seconds;
      // what the cores did: busy_cores = process CPU / wall is about n when the run had its n cores to
      // itself; below n, other processes (or idle workers at the end) took the rest; CPU per trial
      // above the 1-thread run's means each trial got slower (shared caches, memory), not fewer cores
      ObjectNode run = runs.addObject().put("threads", n).put("seconds", seconds).put("trials_per_second", trials / seconds)
          .put("cpu_seconds", cpuSeconds).put("busy_cores", cpuSeconds / seconds).put("cpu_ms_per_trial", 1e3 * cpuSeconds / trials)
          .put("load_average_before", loadBefore).put("load_average_after", os.getSystemLoadAverage());
      result.best().ifPresent(b -> run.put("best_lr", (Double) b.params().get("lr")).put("best_dev_accuracy", b.devAccuracy()));
    }
    json.put("speedup", firstSeconds / lastSeconds);
    json.put("same_trials", same);
    return json;
  }

  private static SearchResult search(SearchConfig config, Space space, TrainingObjective objective, int threads) {
    return new Search(config, new LocalExecutor(threads), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
        .run(space, objective, Journal.inMemory());
  }

  public static void main(String[] args) throws Exception {
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(run(TRIALS, EPOCHS, new int[] {1, 2})));
  }
}
