package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoarseToFineTest {

  private static TrialRecord record(int id, Map<String, Object> params, Status status, double accuracy) {
    return new TrialRecord(id, 1, params, 0, status, accuracy, 1 - accuracy, 1, 0, List.of(accuracy), status == Status.FAILED ? "boom" : null);
  }

  @Test
  void roundsShrinkTowardTheOptimumOfAKnownObjective() {
    SearchConfig config = SearchConfig.of(5, 60).withCoarseToFine(CoarseToFine.of(3));
    List<RoundReport> reported = new ArrayList<>();
    SearchListener listener = new SearchListener() {
      @Override
      public void roundFinished(RoundReport report) {
        reported.add(report);
      }
    };
    SearchResult result = new Search(config, new LocalExecutor(2), InstantSource.fixed(Instant.EPOCH), listener)
        .run(Synthetic.lrSpace(), Synthetic.curves(Synthetic::lrDistance, 1, null));
    assertEquals(result.rounds(), reported);
    assertEquals(2, reported.size());
    double width = 6; // decades of lr=log:1e-6:1
    double optimum = Math.pow(10, -2.5);
    for (RoundReport report : reported) {
      Range next = (Range) report.next().get("lr");
      double nextWidth = Math.log10(next.high()) - Math.log10(next.low());
      assertTrue(next.low() < optimum && optimum < next.high(), report.toString());
      assertTrue(nextWidth < 0.6 * width, report.toString());
      assertEquals(nextWidth / width, report.changes().get(0).fraction(), 1e-9);
      width = nextWidth;
    }
    // each round's trials lie in its box
    for (TrialRecord r : result.trials()) {
      Space box = r.round() == 1 ? Synthetic.lrSpace() : reported.get(r.round() - 2).next();
      assertTrue(box.contains(r.params()), r.toString());
    }
    double bestRound1 = bestDistance(result, 1);
    double bestRound3 = bestDistance(result, 3);
    assertTrue(bestRound3 < bestRound1 && bestRound3 < 0.05 * 0.05, "best |log10 lr + 2.5|²: round 1 " + bestRound1 + ", round 3 " + bestRound3);
  }

  private static double bestDistance(SearchResult result, int round) {
    double best = Double.POSITIVE_INFINITY;
    for (TrialRecord r : result.trials()) {
      if (r.round() == round) {
        best = Math.min(best, Synthetic.lrDistance(r.params()));
      }
    }
    return best;
  }

  @Test
  void boxIsTakenOnEachParametersOwnScaleWithAMargin() {
    Space space = Space.parse(List.of("beta=one-minus-log:0.9:0.9999", "lr=log:1e-6:1", "activation=choice:relu,tanh,sigmoid", "layers=int:1:8"));
    List<TrialRecord> records = new ArrayList<>();
    // the top 25% of 8 complete trials: ids 0 and 1
    records.add(record(0, Map.of("beta", 0.99, "lr", 1e-4, "activation", "relu", "layers", 3), Status.COMPLETE, 0.95));
    records.add(record(1, Map.of("beta", 0.999, "lr", 1e-2, "activation", "tanh", "layers", 4), Status.COMPLETE, 0.94));
    for (int id = 2; id < 8; id++) {
      records.add(record(id, Map.of("beta", 0.9 + 0.01 * id, "lr", 0.5, "activation", "sigmoid", "layers", 8), Status.COMPLETE, 0.5));
    }
    // pruned and failed trials do not define the box, however good they looked when stopped
    records.add(record(8, Map.of("beta", 0.9999, "lr", 1e-6, "activation", "sigmoid", "layers", 1), Status.PRUNED, 0.99));
    records.add(record(9, Map.of("beta", 0.9999, "lr", 1e-6, "activation", "sigmoid", "layers", 1), Status.FAILED, Double.NaN));
    RoundReport report = CoarseToFine.of(2).narrow(new Round(1, space, 0, 10, Metric.DEV_ACCURACY), records);

    assertEquals(2, report.top());
    // 1 − β: 1e-2 and 1e-3 are at 1/3 and 2/3 of the log axis [1e-4, 1e-1]; ± 0.1 of the width
    Range beta = (Range) report.next().get("beta");
    assertEquals(1 - Math.pow(10, -1 - 0.7), beta.low(), 1e-12);
    assertEquals(1 - Math.pow(10, -1 - 2.3), beta.high(), 1e-12);
    // lr: 1e-4 and 1e-2 on a 6-decade log axis, ± 0.6 decades
    Range lr = (Range) report.next().get("lr");
    assertEquals(Math.pow(10, -4.6), lr.low(), 1e-15);
    assertEquals(Math.pow(10, -1.4), lr.high(), 1e-12);
    assertEquals(new Choice(List.of("relu", "tanh")), report.next().get("activation"));
    // layers 3 and 4 sit at 3/8 and 4/8 of [½, 8½]; ± 0.8 → [2.2, 5.3] → 2 … 5
    assertEquals(new Range(Scale.LINEAR, true, 2, 5), report.next().get("layers"));
    assertEquals("round 1 → 2 (box around the top 2 trials)\n"
        + "  beta: one-minus-log:0.9:0.9999 → one-minus-log:0.980047:0.999499 (53% of the width)\n"
        + "  lr: log:1e-6:1 → log:2.51189e-5:0.0398107 (53% of the width)\n"
        + "  activation: choice:relu,tanh,sigmoid → choice:relu,tanh (67% of the width)\n"
        + "  layers: int:1:8 → int:2:5 (50% of the width)", report.toString());
  }

  @Test
  void aRoundWithoutACompleteTrialKeepsItsBoxAndSaysSo() {
    Space space = Synthetic.lrSpace();
    RoundReport report = CoarseToFine.of(2).narrow(new Round(1, space, 0, 1, Metric.DEV_COST),
        List.of(record(0, Map.of("lr", 0.1), Status.FAILED, Double.NaN)));
    assertEquals(space, report.next());
    assertEquals("round 1 → 2: no complete trial in round 1: the box stays as it was", report.toString());
  }

  @Test
  void badSettings() {
    assertEquals("rounds = 0: must be at least 1", assertThrows(IllegalArgumentException.class, () -> CoarseToFine.of(0)).getMessage());
    assertEquals("top fraction = 0.0: must be in (0, 1], e.g. 0.25 for the top quarter",
        assertThrows(IllegalArgumentException.class, () -> new CoarseToFine(2, 0, 0.1)).getMessage());
    assertEquals("margin = 0.0: must be in (0, 1], a fraction of the old box's width, e.g. 0.1",
        assertThrows(IllegalArgumentException.class, () -> new CoarseToFine(2, 0.25, 0)).getMessage());
  }
}
