package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final SearchConfig CONFIG =
      SearchConfig.of(21, 20).withSampler(new TpeSampler(4, 0.25, 24, 3)).withPruner(Pruner.median(1, 3)).withCoarseToFine(CoarseToFine.of(2));

  @TempDir
  Path dir;

  private static SearchResult run(SearchConfig config, Path file, List<String> warnings, Set<Integer> calls) {
    try (Journal journal = Journal.resume(file, warnings::add)) {
      return new Search(config, new LocalExecutor(2), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
          .run(SearchReproducibilityTest.space(), Synthetic.curves(SearchReproducibilityTest::distance, 5, calls), journal);
    }
  }

  private static TrialRecord sample(int id) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lr", 0.0031);
    params.put("layers", 3);
    params.put("activation", "relu");
    return new TrialRecord(id, 2, params, -42, Status.PRUNED, 0.5, Double.NaN, 2, 1.25, List.of(0.25, 0.5), null);
  }

  @Test
  void recordIsOneJsonLineThatReadsBackUnchanged() throws IOException {
    TrialRecord r = sample(3);
    assertEquals("{\"id\":3,\"params\":{\"lr\":0.0031,\"layers\":3,\"activation\":\"relu\"},\"seed\":-42,\"dev_accuracy\":0.5,\"dev_cost\":null,"
        + "\"status\":\"pruned\",\"epochs\":2,\"seconds\":1.25,\"round\":2,\"curve\":[0.25,0.5]}", r.toJsonLine());
    assertEquals(r, TrialRecord.fromJson(new ObjectMapper().readTree(r.toJsonLine())));
    TrialRecord failed = new TrialRecord(4, 1, Map.of("lr", 2.0), 7, Status.FAILED, Double.NaN, Double.NaN, 1, 0.5, List.of(Double.NaN),
        "cost became NaN at epoch 1");
    assertEquals(failed, TrialRecord.fromJson(new ObjectMapper().readTree(failed.toJsonLine())));
  }

  @Test
  void resumeAfterAKillRepeatsNoFinishedTrial() throws IOException {
    Path full = dir.resolve("full.jsonl");
    List<String> noWarnings = new ArrayList<>();
    SearchResult unbroken = run(CONFIG, full, noWarnings, Synthetic.callLog());
    assertEquals(List.of(), noWarnings);
    List<String> lines = Files.readAllLines(full);
    assertEquals(20, lines.size());
    for (int kept : new int[] {0, 7, 13, 19}) {
      Path killed = dir.resolve("killed-" + kept + ".jsonl");
      String partial = lines.get(kept).substring(0, lines.get(kept).length() / 2);
      Files.writeString(killed, String.join("", lines.subList(0, kept).stream().map(l -> l + "\n").toList()) + partial);
      Set<Integer> before = ids(lines.subList(0, kept));

      List<String> warnings = new ArrayList<>();
      Set<Integer> calls = Synthetic.callLog();
      SearchResult resumed = run(CONFIG, killed, warnings, calls);

      assertEquals(List.of(killed + " line " + (kept + 1) + ": skipped a corrupt line (cut short with no newline, as a killed run leaves it); "
          + "its trial runs again: " + abbreviate(partial)), warnings);
      Set<Integer> expected = new TreeSet<>();
      for (int id = 0; id < 20; id++) {
        if (!before.contains(id)) {
          expected.add(id);
        }
      }
      assertEquals(expected, new TreeSet<>(calls), "kept " + kept);
      assertEquals(unbroken.trials(), resumed.trials());
      // the journal now holds every trial once, plus the cut-short line, ended so that appends start on a line of their own
      List<String> after = new ArrayList<>(Files.readAllLines(killed));
      assertEquals(partial, after.remove(kept));
      Path valid = dir.resolve("valid-" + kept + ".jsonl");
      Files.write(valid, after);
      assertEquals(SearchReproducibilityTest.linesById(full), SearchReproducibilityTest.linesById(valid));
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "…";
  }

  private static Set<Integer> ids(List<String> lines) throws IOException {
    Set<Integer> ids = new TreeSet<>();
    for (String line : lines) {
      ids.add(new ObjectMapper().readTree(line).get("id").intValue());
    }
    return ids;
  }

  @Test
  void corruptLinesAreSkippedWithAWarningNamingTheLine() throws IOException {
    Path file = dir.resolve("search.jsonl");
    Files.writeString(file, sample(0).toJsonLine() + "\n{\"id\":1,\"seed\":5}\n" + sample(2).toJsonLine() + "\n{broken\n\n" + sample(0).toJsonLine()
        + "\n" + sample(3).toJsonLine() + "\n");
    List<String> warnings = new ArrayList<>();
    try (Journal journal = Journal.resume(file, warnings::add)) {
      assertEquals(List.of(0, 2, 3), journal.records().stream().map(TrialRecord::id).toList());
      assertEquals(7, journal.lineOf(3));
      assertEquals(List.of(
          file + " line 2: skipped a corrupt line (field \"params\" is missing); its trial runs again: {\"id\":1,\"seed\":5}",
          file + " line 4: skipped a corrupt line (Unexpected character ('b' (code 98)): was expecting double-quote to start field name); "
              + "its trial runs again: {broken",
          file + " line 6: trial 0 appears again (first on line 1); kept the first"), warnings);
      journal.append(sample(1));
      assertEquals(8, journal.lineOf(1));
      IllegalStateException twice = assertThrows(IllegalStateException.class, () -> journal.append(sample(2)));
      assertEquals("trial 2 is already in the journal (line 3); a trial runs once", twice.getMessage());
    }
    List<String> again = new ArrayList<>();
    try (Journal journal = Journal.resume(file, again::add)) {
      assertEquals(List.of(0, 2, 3, 1), journal.records().stream().map(TrialRecord::id).toList());
      assertEquals(3, again.size());
    }
  }

  @Test
  void createRefusesAJournalThatHoldsTrials() throws IOException {
    Path file = dir.resolve("old.jsonl");
    Files.writeString(file, sample(0).toJsonLine() + "\n");
    DescentException e = assertThrows(DescentException.class, () -> Journal.create(file));
    assertEquals(file + ": journal already holds trials of a search; resume it, or choose a new file", e.getMessage());
  }

  @Test
  void oneWriterAtATime() {
    Path file = dir.resolve("locked.jsonl");
    try (Journal first = Journal.create(file)) {
      DescentException e = assertThrows(DescentException.class, () -> Journal.resume(file, w -> {}));
      // the lock is this process's own here; JournalLockTest (CLI) tries two processes
      assertEquals(file + ": journal is open in another search (process " + ProcessHandle.current().pid() + "); one search writes"
          + " a journal at a time: wait for it to end, or give this one another --journal or --out", e.getMessage());
    }
    try (Journal again = Journal.resume(file, w -> {})) {
      assertEquals(List.of(), again.records());
    }
  }

  @Test
  void aJournalOfAnotherSearchIsRefused() {
    Path file = dir.resolve("seed21.jsonl");
    SearchResult first = run(CONFIG, file, new ArrayList<>(), null);
    TrialRecord zero = first.trials().get(0);
    SearchConfig otherSeed = SearchConfig.of(22, 20).withSampler(CONFIG.sampler()).withPruner(CONFIG.pruner()).withCoarseToFine(CONFIG.coarseToFine());
    DescentException e = assertThrows(DescentException.class, () -> run(otherSeed, file, new ArrayList<>(), null));
    // Trials finish in any order on two threads; the check walks trial ids, so trial 0 is refused wherever its line is.
    TrialRecord trial0 = TrialRecord.fromJson(readLine(file, lineOf(file, 0) - 1));
    Trial proposed = Trial.of(22, 0, SearchReproducibilityTest.space().sample(dev.descent.tensor.Rng.of(22).fork("propose", 0)));
    assertEquals(file + " line " + lineOf(file, 0) + ": trial 0 was run with " + trial0.params() + " (seed " + trial0.seed() + ", round 1) but this search proposes "
        + proposed.params() + " (seed " + proposed.seed() + ", round 1); the journal belongs to another search: resume with the same seed, "
        + "params, sampler, trials and rounds, or start a new journal", e.getMessage());
    assertEquals(0, zero.id());

    SearchConfig fewer = SearchConfig.of(21, 10).withSampler(CONFIG.sampler()).withPruner(CONFIG.pruner());
    e = assertThrows(DescentException.class, () -> run(fewer, file, new ArrayList<>(), null));
    TrialRecord beyond = firstBeyond(file, 10);
    assertEquals(file + " line " + lineOf(file, beyond.id()) + ": trial " + beyond.id() + " is beyond this search's 10 trials (ids 0 to 9); "
        + "the journal belongs to another search: resume with the same seed, params, sampler, trials and rounds, or start a new journal", e.getMessage());
  }

  private static com.fasterxml.jackson.databind.JsonNode readLine(Path file, int index) {
    try {
      return new ObjectMapper().readTree(Files.readAllLines(file).get(index));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static TrialRecord firstBeyond(Path file, int total) {
    try {
      for (String line : Files.readAllLines(file)) {
        TrialRecord r = TrialRecord.fromJson(new ObjectMapper().readTree(line));
        if (r.id() >= total) {
          return r;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no trial beyond " + total);
  }

  private static int lineOf(Path file, int id) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (new ObjectMapper().readTree(lines.get(i)).get("id").intValue() == id) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no trial " + id);
  }
}
