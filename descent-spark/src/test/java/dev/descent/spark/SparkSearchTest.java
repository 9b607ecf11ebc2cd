package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import dev.descent.run.DataPlan;
import dev.descent.run.DataRequest;
import dev.descent.run.RunConfig;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches on Spark in local mode: the same trials and scores as on local threads, retried tasks included. */
class SparkSearchTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }

    String error() {
      return err.strip().split("\n")[0].substring("descent: ".length());
    }
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  String[] search(String name, String... extra) {
    List<String> args = new ArrayList<>(List.of("search", "--hidden", "5,2", "--epochs", "6", "--batch-size", "32", "--seed", "9",
        "--param", "lr=log:1e-3:3e-1", "--param", "activation=choice:relu,tanh", "--trials", "4", "--out", dir.resolve(name).toString(), "--json"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  /** Each trial without its timing. */
  static List<String> trials(JsonNode json) {
    List<String> rows = new ArrayList<>();
    for (JsonNode t : json.get("trials")) {
      rows.add(t.get("id") + " " + t.get("params") + " " + t.get("seed") + " " + t.get("status") + " " + t.get("dev_accuracy") + " "
          + t.get("dev_cost") + " " + t.get("epochs") + " " + t.get("curve"));
    }
    return rows;
  }

  @Test
  void aSearchOnSparkLocalModeGivesTheTrialsOfALocalSearch() throws IOException {
    Run local = cli(search("local", "--parallel", "2"));
    Run spark = cli(search("spark", "--spark", "local[2]"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    assertEquals("spark(local[2])", spark.json().get("executor").asText());
    assertEquals(trials(local.json()), trials(spark.json()));
    assertEquals(1 + 4, Files.readAllLines(dir.resolve("spark/search.jsonl")).size(), "the recipe, and the driver journalled every trial");
  }

  @Test
  void aRetriedTaskGivesTheSameTrialResult() {
    RunConfig recipe = new RunConfig(new DataPlan(DataRequest.builtIn("moons", 200, 0.2, 3), null, List.of(70.0, 30.0), true, 1),
        TrainingSettings.defaults().with(Map.of("hidden", "5-2", "epochs", 5)));
    Space space = Space.parse(List.of("lr=log:1e-3:3e-1"), TrainingObjective.PARAMETERS);
    SearchConfig config = SearchConfig.of(5, 3);
    TrainingObjective objective = new TrainingObjective(recipe.data().prepare(), recipe.training());
    SearchResult local = new Search(config, new LocalExecutor(1), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
        .run(space, objective, Journal.inMemory());
    SearchResult spark;
    int injected = TrialFunction.INJECTED.get();
    // local[2,2]: two threads, each task tried up to twice; trials 0 and 2 fail their first attempt
    try (SparkExecutor executor = SparkExecutor.connect("local[2,2]", recipe, config,
        new SparkConf().set(SparkExecutor.FAIL_FIRST_ATTEMPT, "0,2"))) {
      spark = new Search(config, executor, InstantSource.fixed(Instant.EPOCH), SearchListener.NONE).run(space, objective, Journal.inMemory());
    }
    assertEquals(2, TrialFunction.INJECTED.get() - injected, "the first attempts of trials 0 and 2 failed");
    assertEquals(withoutTime(local.trials()), withoutTime(spark.trials()));
  }

  static List<String> withoutTime(List<TrialRecord> records) {
    List<String> out = new ArrayList<>();
    for (TrialRecord r : records) {
      out.add(r.toJsonLine().replaceAll("\"seconds\":[0-9.eE-]+", ""));
    }
    return out;
  }

  @Test
  void anUnreachableMasterIsAClearErrorAtOnce() {
    Run r = cli(search("unreachable", "--spark", "spark://127.0.0.1:1"));
    assertEquals(1, r.code(), r.err());
    assertEquals("--spark spark://127.0.0.1:1: cannot reach the Spark master at 127.0.0.1:1 (Connection refused); start it "
        + "(sbin/start-master.sh) or check the address, or use --spark local[N] to run Spark in this process", r.error());
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void pruningIsNotAvailableOnSpark() {
    Run r = cli(search("pruned", "--spark", "local[2]", "--prune", "median"));
    assertEquals(2, r.code(), r.err());
    assertEquals("--prune median:warmup=2,min-trials=5: pruning across trials is not available with --spark (each trial runs alone in a "
        + "Spark task); use --prune none, or run without --spark", r.error());
  }
}
