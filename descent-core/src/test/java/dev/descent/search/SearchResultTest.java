package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchResultTest {
  private static final Space SPACE = Space.parse(List.of("lr=log:1e-4:1", "activation=choice:relu,tanh"));

  private static TrialRecord record(int id, double lr, Status status, double cost) {
    return new TrialRecord(id, 1, Map.of("lr", lr, "activation", "relu"), id, status, Double.NaN, cost, 3, 0.5, List.of(cost),
        status == Status.FAILED ? "diverged" : null);
  }

  private static SearchResult result() {
    return new SearchResult(Metric.DEV_COST, SPACE, List.of(
        record(3, 0.01, Status.COMPLETE, 0.30),
        record(0, 0.5, Status.FAILED, Double.NaN),
        record(1, 0.001, Status.COMPLETE, 0.20),
        record(2, 0.0001, Status.PRUNED, 0.10),
        record(4, 0.02, Status.COMPLETE, 0.20)), List.of());
  }

  @Test
  void rankingPutsCompleteTrialsFirstBestFirstThenPrunedThenFailed() {
    SearchResult result = result();
    assertEquals(List.of(0, 1, 2, 3, 4), result.trials().stream().map(TrialRecord::id).toList());
    // dev_cost is minimised; the tie 0.20 goes to the smaller id; the pruned 0.10 does not count as best
    assertEquals(List.of(1, 4, 3, 2, 0), result.ranked().stream().map(TrialRecord::id).toList());
    assertEquals(1, result.best().orElseThrow().id());
  }

  @Test
  void plotSeriesCarryTheParametersScale() {
    SearchResult.ParamSeries lr = result().series("lr");
    assertEquals("log", lr.scale());
    assertEquals(List.of(new SearchResult.ParamSeries.Point(1, 0.001, 0.20, Status.COMPLETE), new SearchResult.ParamSeries.Point(2, 0.0001, 0.10, Status.PRUNED),
        new SearchResult.ParamSeries.Point(3, 0.01, 0.30, Status.COMPLETE), new SearchResult.ParamSeries.Point(4, 0.02, 0.20, Status.COMPLETE)), lr.points());
    assertEquals("categorical", result().series("activation").scale());
    assertEquals("unknown parameter \"momentum\"; this space has: lr, activation",
        assertThrows(IllegalArgumentException.class, () -> result().series("momentum")).getMessage());
  }

  @Test
  void traceFollowsTrialOrderWithTheBestSoFar() {
    List<SearchResult.TracePoint> trace = result().trace();
    assertEquals(List.of(Double.NaN, 0.20, 0.20, 0.20, 0.20), trace.stream().map(SearchResult.TracePoint::bestSoFar).toList());
    assertEquals(List.of(Double.NaN, 0.20, 0.10, 0.30, 0.20), trace.stream().map(SearchResult.TracePoint::metric).toList());
  }

  @Test
  void jsonListsTrialsByRankWithTheBest() {
    SearchResult one = new SearchResult(Metric.DEV_COST, Space.parse(List.of("lr=log:1e-4:1")),
        List.of(new TrialRecord(0, 1, Map.of("lr", 0.01), 5, Status.COMPLETE, 0.9, 0.2, 3, 1.5, List.of(0.5, 0.3, 0.2), null)), List.of());
    String trial = "\"id\":0,\"params\":{\"lr\":0.01},\"seed\":5,\"dev_accuracy\":0.9,\"dev_cost\":0.2,\"status\":\"complete\",\"epochs\":3,"
        + "\"seconds\":1.5,\"round\":1,\"curve\":[0.5,0.3,0.2]";
    assertEquals("{\"metric\":\"dev_cost\",\"maximize\":false,\"scales\":{\"lr\":\"log\"},\"trials\":[{\"rank\":1," + trial + "}],"
        + "\"best\":{" + trial + "},\"rounds\":[]}", one.toJson().toString());
    SearchResult none = new SearchResult(Metric.DEV_COST, SPACE, List.of(record(0, 0.5, Status.FAILED, Double.NaN)), List.of());
    assertEquals(Optional.empty(), none.best());
    assertTrue(none.toJson().get("best").isNull());
  }

  @Test
  void aFailingTrialIsRecordedAndTheSearchGoesOn() {
    Objective diverges = (trial, reporter) -> {
      double lr = (Double) trial.params().get("lr");
      if (lr > 0.1) {
        throw new IllegalStateException("cost became NaN at epoch 1 (learning rate " + lr + ")");
      }
      reporter.report(1, 1 - lr, lr);
      return new TrialResult(1 - lr, lr, 1);
    };
    SearchResult result = new Search(SearchConfig.of(3, 30), new LocalExecutor(2), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
        .run(SPACE, diverges);
    long failed = 0;
    for (TrialRecord r : result.trials()) {
      double lr = (Double) r.params().get("lr");
      assertEquals(lr > 0.1 ? Status.FAILED : Status.COMPLETE, r.status());
      if (lr > 0.1) {
        failed++;
        assertEquals("cost became NaN at epoch 1 (learning rate " + lr + ")", r.error());
      }
    }
    assertTrue(failed > 0 && failed < 30);
    assertEquals(30, result.trials().size());
  }

  @Test
  void anErrorIsNotATrialFailureItEndsTheSearch() {
    AssertionError bug = new AssertionError("a bug in the objective");
    Objective buggy = (trial, reporter) -> {
      if (trial.id() == 2) {
        throw bug;
      }
      return new TrialResult(0.5, 0.5, 1);
    };
    Journal journal = Journal.inMemory();
    AssertionError thrown = assertThrows(AssertionError.class, () -> new Search(SearchConfig.of(1, 6), new LocalExecutor(1),
        InstantSource.fixed(Instant.EPOCH), SearchListener.NONE).run(SPACE, buggy, journal));
    assertSame(bug, thrown);
    assertEquals(List.of(0, 1), journal.records().stream().map(TrialRecord::id).toList());
  }

  @Test
  void badSettings() {
    assertEquals("parallel = 0: must be at least 1 thread", assertThrows(IllegalArgumentException.class, () -> new LocalExecutor(0)).getMessage());
    assertEquals("trials = 0: must be at least 1", assertThrows(IllegalArgumentException.class, () -> SearchConfig.of(1, 0)).getMessage());
    assertEquals("trials = 2 for 3 rounds: each round needs at least one trial; give at least as many trials as rounds",
        assertThrows(IllegalArgumentException.class, () -> SearchConfig.of(1, 2).withCoarseToFine(CoarseToFine.of(3))).getMessage());
    assertEquals("metric \"accuracy\": must be dev_accuracy (maximised) or dev_cost (minimised)",
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("accuracy")).getMessage());
    assertEquals(Metric.DEV_COST, Metric.parse("dev_cost"));
    assertEquals("status \"done\": must be complete, pruned or failed", assertThrows(IllegalArgumentException.class, () -> Status.parse("done")).getMessage());
    assertEquals("trial 1: a failed trial, and only a failed one, carries an error message", assertThrows(IllegalArgumentException.class,
        () -> new TrialRecord(1, 1, Map.of(), 0, Status.FAILED, 0, 0, 0, 0, List.of(), null)).getMessage());
  }
}
