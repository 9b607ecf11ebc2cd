package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchReproducibilityTest {
  @TempDir
  Path dir;

  static Space space() {
    return Space.parse(List.of("lr=log:1e-6:1", "beta=one-minus-log:0.5:0.9999", "layers=int:1:4", "activation=choice:relu,tanh"));
  }

  /** Peaked at lr = 10^−2.5, 1 − β = 10^−2, relu; layers do not matter. */
  static double distance(Map<String, Object> p) {
    double beta = Math.log10(1 - (Double) p.get("beta")) + 2;
    return Synthetic.lrDistance(p) + beta * beta + (p.get("activation").equals("relu") ? 0 : 0.5);
  }

  static List<String> run(SearchConfig config, int threads, Path file) {
    try (Journal journal = Journal.create(file)) {
      new Search(config, new LocalExecutor(threads), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
          .run(space(), Synthetic.curves(SearchReproducibilityTest::distance, 6, Synthetic.callLog()), journal);
    }
    return linesById(file);
  }

  static List<String> linesById(Path file) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      ObjectMapper mapper = new ObjectMapper();
      lines.sort(Comparator.comparingInt(line -> {
        try {
          return mapper.readTree(line).get("id").intValue();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertSameOnOneAndThreeThreads(SearchConfig config, String name) {
    List<String> one = run(config, 1, dir.resolve(name + "-1.jsonl"));
    List<String> three = run(config, 3, dir.resolve(name + "-3.jsonl"));
    assertEquals(config.totalTrials(), one.size());
    assertEquals(one, three);
    long pruned = one.stream().filter(line -> line.contains("\"status\":\"pruned\"")).count();
    assertTrue(pruned >= 3 && pruned <= one.size() - 3, pruned + " pruned: the test should exercise pruning");
  }

  @Test
  void randomSearchWithMedianPruningIsTheSameOnOneOrThreeThreads() {
    SearchConfig config = SearchConfig.of(7, 30).withPruner(Pruner.median(1, 3)).withCoarseToFine(CoarseToFine.of(2));
    assertSameOnOneAndThreeThreads(config, "random-median");
  }

  @Test
  void tpeWithAshaIsTheSameOnOneOrThreeThreads() {
    SearchConfig config = SearchConfig.of(8, 24).withSampler(new TpeSampler(6, 0.25, 24, 3)).withPruner(Pruner.asha(1, 3))
        .withMetric(Metric.DEV_COST);
    assertSameOnOneAndThreeThreads(config, "tpe-asha");
  }

  @Test
  void trialSeedsDependOnTheSearchSeedAndIdOnly() {
    SearchConfig config = SearchConfig.of(9, 5);
    SearchResult result = new Search(config, new LocalExecutor(2), InstantSource.system(), SearchListener.NONE)
        .run(space(), Synthetic.curves(SearchReproducibilityTest::distance, 2, null));
    for (TrialRecord r : result.trials()) {
      assertEquals(dev.descent.tensor.Rng.of(9).fork("trial", r.id()).nextLong(), r.seed());
      assertEquals(space().sample(dev.descent.tensor.Rng.of(9).fork("propose", r.id())), r.params());
    }
  }
}
