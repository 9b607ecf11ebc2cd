package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent search end to end, in process: reproducible on any thread count, resumable, and every bad input with its message. */
class SearchCommandTest {
  @TempDir
  Path dir;

  /** A small search: 6 trials of a [2,5,2,1] network on moons, 8 epochs each, with median pruning. */
  String[] search(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("search", "--hidden", "5,2", "--epochs", "8", "--batch-size", "32", "--seed", "4",
        "--param", "lr=log:1e-3:3e-1", "--param", "beta1=one-minus-log:0.5:0.99", "--param", "activation=choice:relu,tanh",
        "--trials", "6", "--prune", "median:warmup=2,min-trials=2", "--out", out.toString(), "--json"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  /** Each trial as "id params status dev_accuracy dev_cost", by id; seconds left out. */
  static List<String> trials(JsonNode json) {
    List<String> rows = new ArrayList<>();
    for (JsonNode t : json.get("trials")) {
      rows.add(t.get("id").asInt() + " " + t.get("params") + " " + t.get("status").asText() + " " + t.get("dev_accuracy") + " "
          + t.get("dev_cost") + " " + t.get("curve"));
    }
    rows.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(" ")[0]), Integer.parseInt(b.split(" ")[0])));
    return rows;
  }

  @Test
  void theSameSearchOnOneOrTwoThreadsGivesTheSameTrialsAndScores() {
    Cli.Result one = Cli.run(search(dir.resolve("one"), "--parallel", "1"));
    Cli.Result two = Cli.run(search(dir.resolve("two"), "--parallel", "2"));
    assertEquals(0, one.code(), one.err());
    assertEquals(0, two.code(), two.err());
    assertEquals(trials(one.json()), trials(two.json()));
    assertEquals(6, one.json().get("trials").size());
    assertEquals(one.json().get("best").get("id"), two.json().get("best").get("id"));
    assertEquals("local(1 threads)", one.json().get("executor").asText());
    assertTrue(Files.exists(dir.resolve("one/search-lr.png")));
    assertTrue(Files.exists(dir.resolve("one/search-beta1.png")));
    assertTrue(Files.exists(dir.resolve("one/search-trials.png")));
    assertEquals(6, one.json().get("trials").size());
    JsonNode first = one.json().get("trials").get(0);
    assertEquals(1, first.get("rank").asInt());
    assertTrue(first.get("params").has("lr") && first.get("params").has("beta1") && first.get("params").has("activation"));
  }

  @Test
  void aResumedSearchRunsOnlyTheTrialsTheJournalLacks() throws IOException {
    Cli.Result whole = Cli.run(search(dir.resolve("whole"), "--parallel", "2"));
    assertEquals(0, whole.code(), whole.err());
    List<String> lines = Files.readAllLines(dir.resolve("whole/search.jsonl"));
    assertEquals(7, lines.size(), "the recipe, then a line per trial");
    assertTrue(lines.get(0).startsWith("{\"recipe\":{\"data\":"), lines.get(0));
    // a kill after 3 trials, in the middle of writing the 4th
    Path journal = dir.resolve("killed.jsonl");
    String kept = String.join("\n", lines.subList(0, 4)) + "\n";
    Files.writeString(journal, kept + lines.get(4).substring(0, 25));
    Cli.Result resumed = Cli.run(search(dir.resolve("resumed"), "--parallel", "2", "--journal", journal.toString(), "--resume"));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(trials(whole.json()), trials(resumed.json()));
    assertEquals("descent: warning: " + journal + " line 5: skipped a corrupt line (cut short with no newline, as a killed run leaves it); "
        + "its trial runs again: " + lines.get(4).substring(0, 25), resumed.err().strip());
    List<String> after = Files.readAllLines(journal);
    assertEquals(4 + 1 + 3, after.size(), "the recipe and 3 kept lines, the cut one, and one line for each of the 3 missing trials: none repeated");
    assertEquals(lines.subList(0, 4), after.subList(0, 4));
  }

  /** Issue 21: a journal of a moons search of 8 epochs was resumed as a circles search of 50, and its results reported as that one's. */
  @Test
  void aJournalOfASearchWithOtherOptionsIsNotResumed() {
    Cli.run("search", "--data", "moons", "--epochs", "2", "--hidden", "3", "--param", "lr=log:1e-3:1e-1", "--trials", "2",
        "--out", dir.resolve("moons").toString()).ok();
    Path journal = dir.resolve("moons/search.jsonl");
    Cli.Result other = Cli.run("search", "--data", "circles", "--epochs", "50", "--hidden", "3", "--param", "lr=log:1e-3:1e-1", "--trials", "2",
        "--out", dir.resolve("moons").toString(), "--resume");
    assertEquals(2, other.code(), other.err());
    assertEquals(journal + ": is the journal of a search with other options or data: --data moons (now circles); --epochs 2 (now 50);"
        + " resume with the options that started it, or give another --journal (or --out) for a new search", other.error());
  }

  @Test
  void aJournalOfDataThatChangedIsNotResumed() throws IOException {
    Path csv = dir.resolve("d.csv");
    StringBuilder text = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      text.append(i % 7).append(',').append(i % 3).append(',').append(i % 2).append('\n');
    }
    Files.writeString(csv, text);
    Cli.run("search", "--data", csv.toString(), "--hidden", "3", "--epochs", "2", "--param", "lr=log:1e-3:1e-1", "--trials", "2",
        "--out", dir.resolve("s").toString()).ok();
    Files.writeString(csv, text.toString().replace("6,0,0", "6,1,0"));
    Cli.Result r = Cli.run("search", "--data", csv.toString(), "--hidden", "3", "--epochs", "2", "--param", "lr=log:1e-3:1e-1", "--trials", "2",
        "--out", dir.resolve("s").toString(), "--resume");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.error().startsWith(dir.resolve("s/search.jsonl") + ": is the journal of a search with other options or data: --data "
        + csv + " (its contents: sha256 "), r.error());
  }

  @Test
  void aCorruptJournalLineIsSkippedWithAWarningNamingIt() throws IOException {
    Cli.Result whole = Cli.run(search(dir.resolve("whole"), "--parallel", "2"));
    List<String> lines = Files.readAllLines(dir.resolve("whole/search.jsonl"));
    Path journal = dir.resolve("corrupt.jsonl");
    Files.write(journal, List.of(lines.get(0), lines.get(1), "{\"id\":1,\"oops\"", lines.get(3)), StandardCharsets.UTF_8);
    Cli.Result resumed = Cli.run(search(dir.resolve("resumed"), "--journal", journal.toString(), "--resume"));
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(resumed.err().startsWith("descent: warning: " + journal + " line 3: skipped a corrupt line ("), resumed.err());
    assertTrue(resumed.err().strip().endsWith("); its trial runs again: {\"id\":1,\"oops\""), resumed.err());
    assertEquals(trials(whole.json()), trials(resumed.json()));
  }

  @Test
  void theHumanReportShowsTheBoxOfEachRoundAndTheBestTrials() {
    Cli.Result r = Cli.run("search", "--hidden", "5,2", "--epochs", "5", "--param", "lr=log:1e-4:1e-1", "--trials", "8", "--rounds", "2",
        "--parallel", "2", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("search    8 trials in 2 rounds on "), r.out());
    assertTrue(r.out().contains("\nbox       round 1 → 2 (box around the top 1 trial)\n            lr: log:0.0001:0.1 → log:"), r.out());
    assertTrue(r.out().contains("trials by dev_accuracy:\n  rank   trial"), r.out());
    assertTrue(r.out().contains("\ntrials    8: 8 complete, 0 pruned, 0 failed\n"), r.out());
    assertTrue(r.out().contains("journal   " + dir.resolve("search.jsonl")), r.out());
    assertEquals("", r.err(), "no progress line when stderr is not a terminal");
  }

  @Test
  void theHelpOfSearchAndResumeIsClean() {
    for (String command : List.of("search", "resume")) {
      Cli.Result r = Cli.run(command, "--help");
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err(), "no picocli warnings about the help text");
    }
    assertTrue(Cli.run("search", "--help").out().replaceAll("\\s+", " ").contains("previous round's top 25% (default: 1)"));
  }

  static void assertFails(int code, String message, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(code, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
    assertEquals(message, r.error());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  String[] bad(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--out", dir.toString(), "--trials", "2", "--epochs", "2"));
    all.addAll(List.of(args));
    return all.toArray(new String[0]);
  }

  @Test
  void anUnknownParameterListsTheValidNames() {
    assertFails(2, "--param momentum=uniform:0.5:0.9: unknown parameter \"momentum\"; valid: activation, batch-size, beta, beta1, beta2, "
        + "epochs, epsilon, hidden, init, keep-prob, l2, layers, lr, optimizer, schedule, weight-decay",
        bad("--param", "momentum=uniform:0.5:0.9"));
  }

  @Test
  void lowMustBeBelowHigh() {
    assertFails(2, "--param lr=log:0.1:0.001: low 0.1 must be below high 0.001", bad("--param", "lr=log:0.1:0.001"));
  }

  @Test
  void aLogRangeMustNotIncludeZero() {
    assertFails(2, "--param lr=log:0:0.1: a log scale needs a positive range, low is 0; e.g. log:1e-4:1e-1", bad("--param", "lr=log:0:0.1"));
  }

  @Test
  void aOneMinusBetaRangeMustLieInsideZeroOne() {
    assertFails(2, "--param beta2=one-minus-log:0.9:1: one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), high is 1; "
        + "e.g. one-minus-log:0.9:0.999", bad("--param", "beta2=one-minus-log:0.9:1"));
  }

  @Test
  void aValueTheTrainingRefusesIsFoundBeforeTheSearch() {
    assertFails(2, "--param keep-prob=uniform:0.5:1.5: keep-prob = 1.5: must be in (0, 1]; it is the probability of keeping a unit, "
        + "1 turns dropout off, e.g. 0.86", bad("--param", "keep-prob=uniform:0.5:1.5"));
    assertFails(2, "--param beta=uniform:0.8:0.95: --beta 0.8: adam has no single β; use --beta1/--beta2 for adam and adamw, "
        + "--beta for momentum, nesterov and rmsprop", bad("--param", "beta=uniform:0.8:0.95"));
  }

  @Test
  void aSpaceFileErrorNamesTheFileAndLine() throws IOException {
    Path space = dir.resolve("space.txt");
    Files.writeString(space, "# learning rate\nlr=log:1e-4:1e-1\nbeta1=one-minus-log:0.9:1.5\n");
    assertFails(1, space + " line 3: beta1=one-minus-log:0.9:1.5: one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), "
        + "high is 1.5; e.g. one-minus-log:0.9:0.999", bad("--space", space.toString()));
  }

  @Test
  void optionsOfTheSearchItself() {
    assertFails(2, "give the parameters to search: --param NAME=SPEC (repeatable), e.g. --param lr=log:1e-4:1e-1, or --space FILE", bad());
    assertFails(2, "--metric: metric \"dev_loss\": must be dev_accuracy (maximised) or dev_cost (minimised)",
        bad("--param", "lr=log:1e-4:1e-1", "--metric", "dev_loss"));
    assertFails(2, "--prune: pruner \"hyperband\": unknown; valid: none, median[:warmup=2,min-trials=5], asha[:min-epochs=1,eta=3]",
        bad("--param", "lr=log:1e-4:1e-1", "--prune", "hyperband"));
    assertFails(2, "--trials 0: must be at least 1", "search", "--out", dir.toString(), "--param", "lr=log:1e-4:1e-1", "--trials", "0");
    assertFails(2, "a search compares trials on a dev set, but the split leaves none; give one, e.g. --split 60,20,20",
        bad("--param", "lr=log:1e-4:1e-1", "--split", "100"));
  }

  @Test
  void aJournalOfAnotherSearchIsNotOverwritten() throws IOException {
    Path journal = dir.resolve("old.jsonl");
    Files.writeString(journal, "{\"id\":0}\n");
    assertFails(2, "--journal " + journal + " already holds trials of a search; add --resume to continue it, or give another --journal "
        + "(or --out) to start a new one", bad("--param", "lr=log:1e-4:1e-1", "--journal", journal.toString()));
  }

  @Test
  void sparkNeedsItsModule() {
    assertFails(1, "--spark local[2]: the Spark executor (module descent-spark) is not on the class path; run through ./descent, which "
        + "builds and loads it when --spark is given, or spark-submit descent-spark/target/descent-spark-app.jar",
        bad("--param", "lr=log:1e-4:1e-1", "--spark", "local[2]"));
  }
}
