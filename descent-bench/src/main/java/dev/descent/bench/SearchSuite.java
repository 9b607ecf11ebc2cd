package dev.descent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code descent bench search}: 64 trials of the optimization experiment's model (1 000 epochs
 * each; {@code --quick}: 16 trials of 200) on 1 thread, then on every core; results
 * {@code search-1t}, {@code search-Nt} in seconds with the speed-up and whether both runs gave
 * the same trials.
 */
final class SearchSuite implements Suite {

  @Override
  public String name() {
    return "search";
  }

  private static int trials(BenchSettings s) {
    return s.quick() ? 16 : SearchBenchmark.TRIALS;
  }

  private static int epochs(BenchSettings s) {
    return s.quick() ? 200 : SearchBenchmark.EPOCHS;
  }

  @Override
  public String describe(BenchSettings settings) {
    return trials(settings) + " trials of moons 300, [2,5,2,1], Adam with lr=log:1e-4:1e-1, batch 64, "
        + epochs(settings) + " epochs each, on 1 thread and on " + settings.threads();
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    int cores = Math.max(1, settings.threads());
    log.printf("bench search: %d trials × %d epochs on 1 and %d thread(s) …%n", trials(settings), epochs(settings), cores);
    log.flush();
    ObjectNode json = SearchBenchmark.run(trials(settings), epochs(settings), cores == 1 ? new int[] {1} : new int[] {1, cores});
    List<BenchResult> results = new ArrayList<>();
    for (JsonNode run : json.get("runs")) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("trials", trials(settings));
      details.put("epochs", epochs(settings));
      details.put("trials_per_second", run.get("trials_per_second").asDouble());
      details.put("speedup_over_1_thread", json.get("speedup").asDouble());
      details.put("same_trials", json.get("same_trials").asBoolean());
      details.put("cpu_seconds", run.get("cpu_seconds").asDouble());
      details.put("busy_cores", run.get("busy_cores").asDouble());
      details.put("cpu_ms_per_trial", run.get("cpu_ms_per_trial").asDouble());
      details.put("load_average_before", run.get("load_average_before").asDouble());
      results.add(new BenchResult("search-" + run.get("threads").asInt() + "t", run.get("seconds").asDouble(), "s", details));
    }
    return results;
  }
}
