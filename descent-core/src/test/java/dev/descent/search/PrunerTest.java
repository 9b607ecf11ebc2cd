package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunerTest {
  // the same curve shape for every trial, so the ranking at every epoch is the ranking of q
  private static final double[] QUALITY = {5, 3, 8, 1, 6, 2, 9, 4};

  private static SearchResult run(Pruner pruner, Metric metric, int threads) {
    SearchConfig config = SearchConfig.of(11, QUALITY.length).withPruner(pruner).withMetric(metric);
    Search search = new Search(config, new LocalExecutor(threads), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE);
    return search.run(Space.parse(List.of("x=uniform:0:1")), Synthetic.fixedQualities(QUALITY, 4));
  }

  private static List<String> outcomes(SearchResult result) {
    List<String> outcomes = new ArrayList<>();
    for (TrialRecord r : result.trials()) {
      outcomes.add(r.id() + ":" + r.status().jsonName() + "@" + r.epochs());
    }
    return outcomes;
  }

  @Test
  void medianRuleStopsTrialsBelowTheMedianOfEarlierOnes() {
    // min 3 earlier trials, from epoch 2: trial 3 (q 1) < median{5,3,8} = 5; trial 4 (6) ≥ median{5,3,8,1} = 4;
    // trial 5 (2) < median{5,3,8,1,6} = 5; trial 6 (9) goes on; trial 7 (4) < median{5,3,8,1,6,2,9} = 5
    List<String> expected = List.of("0:complete@4", "1:complete@4", "2:complete@4", "3:pruned@2", "4:complete@4", "5:pruned@2", "6:complete@4",
        "7:pruned@2");
    assertEquals(expected, outcomes(run(Pruner.median(1, 3), Metric.DEV_ACCURACY, 1)));
    assertEquals(expected, outcomes(run(Pruner.median(1, 3), Metric.DEV_ACCURACY, 3)));
    // dev_cost = −accuracy here: minimising it is the same ranking
    assertEquals(expected, outcomes(run(Pruner.median(1, 3), Metric.DEV_COST, 3)));
  }

  @Test
  void ashaKeepsTheTopOneOverEtaAtEachRung() {
    // η 2, rungs 1, 2, 4: at rung 1 trial 1 (3) is not in the top 1 of {5,3}; trial 3 (1) not in the top 2 of {5,3,8,1};
    // trial 4 (6) passes rung 1 (top 2 of {5,3,8,1,6}) but not rung 2 (top 1 of {5,8,6}); trials 5 and 7 stop at rung 1
    List<String> expected = List.of("0:complete@4", "1:pruned@1", "2:complete@4", "3:pruned@1", "4:pruned@2", "5:pruned@1", "6:complete@4",
        "7:pruned@1");
    assertEquals(expected, outcomes(run(Pruner.asha(1, 2), Metric.DEV_ACCURACY, 1)));
    assertEquals(expected, outcomes(run(Pruner.asha(1, 2), Metric.DEV_ACCURACY, 3)));
  }

  @Test
  void prunedRecordsKeepTheirCurveUpToTheStop() {
    TrialRecord pruned = run(Pruner.asha(1, 2), Metric.DEV_ACCURACY, 2).trials().get(4);
    assertEquals(List.of(6 * 0.5, 6 * 0.75), pruned.curve());
    assertEquals(4.5, pruned.devAccuracy());
  }

  @Test
  void noPrunerLetsEveryTrialFinish() {
    for (String outcome : outcomes(run(Pruner.none(), Metric.DEV_ACCURACY, 2))) {
      assertTrue(outcome.endsWith(":complete@4"), outcome);
    }
  }

  @Test
  void medianRuleWaitsForWarmupAndEnoughTrials() {
    MedianPruner median = new MedianPruner(2, 3);
    assertFalse(median.decidesAt(2));
    assertTrue(median.decidesAt(3));
    assertFalse(median.prune(3, 0.1, new double[] {0.5, 0.6}));
    assertTrue(median.prune(3, 0.1, new double[] {0.5, 0.6, 0.7}));
    assertFalse(median.prune(3, 0.6, new double[] {0.5, 0.6, 0.7}));
    // even count: the mean of the middle two, 0.65
    assertTrue(median.prune(3, 0.64, new double[] {0.5, 0.6, 0.7, 0.8}));
    assertFalse(median.prune(3, 0.65, new double[] {0.5, 0.6, 0.7, 0.8}));
    // a NaN score is −∞: below any median
    assertTrue(median.prune(3, Metric.DEV_COST.score(Double.NaN), new double[] {-0.5, -0.6, -0.7}));
  }

  @Test
  void ashaRungsAreMinEpochsTimesPowersOfEta() {
    AshaPruner asha = new AshaPruner(2, 3);
    List<Integer> rungs = new ArrayList<>();
    for (int e = 1; e <= 60; e++) {
      if (asha.decidesAt(e)) {
        rungs.add(e);
      }
    }
    assertEquals(List.of(2, 6, 18, 54), rungs);
    // alone at a rung, or fewer than η: only the best so far goes on
    assertFalse(asha.prune(2, 0.1, new double[0]));
    assertTrue(asha.prune(2, 0.1, new double[] {0.2}));
    // 6 at the rung, top 2 go on; ties go on
    assertFalse(asha.prune(2, 0.9, new double[] {0.9, 0.95, 0.1, 0.2, 0.3}));
    assertTrue(asha.prune(2, 0.85, new double[] {0.9, 0.95, 0.1, 0.2, 0.3}));
  }

  @Test
  void parsesSpecsWithDefaultsAndRejectsBadOnes() {
    assertEquals(new MedianPruner(2, 5), Pruner.parse("median"));
    assertEquals(new MedianPruner(0, 8), Pruner.parse("median:warmup=0,min-trials=8"));
    assertEquals(new AshaPruner(1, 3), Pruner.parse("asha"));
    assertEquals(new AshaPruner(2, 4), Pruner.parse("asha:min-epochs=2, eta=4"));
    assertEquals(Pruner.none(), Pruner.parse("none"));
    assertEquals("asha:min-epochs=2,eta=4", Pruner.parse("asha:eta=4,min-epochs=2").spec());
    assertEquals("pruner \"hyperband\": unknown; valid: none, median[:warmup=2,min-trials=5], asha[:min-epochs=1,eta=3]",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("hyperband")).getMessage());
    assertEquals("pruner \"asha:rate=3\": unknown setting \"rate\"; valid: min-epochs, eta",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("asha:rate=3")).getMessage());
    assertEquals("pruner \"none:eta=3\": unknown setting \"eta\"; none takes no settings",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("none:eta=3")).getMessage());
    assertEquals("\"asha:eta=three\": eta = \"three\" is not an integer",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("asha:eta=three")).getMessage());
    assertEquals("\"median:warmup\": setting \"warmup\" must be key=value",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("median:warmup")).getMessage());
    assertEquals("asha eta = 1: must be at least 2 (keep the top 1/eta at each rung)",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("asha:eta=1")).getMessage());
    assertEquals("median pruner min-trials = 0: must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> Pruner.parse("median:min-trials=0")).getMessage());
  }

  @Test
  void anObjectiveThatIgnoresThePruneSignalFails() {
    Objective stubborn = (trial, reporter) -> {
      for (int e = 1; e <= 3; e++) {
        reporter.report(e, trial.id() == 1 ? 0.1 : 0.9, 0);
      }
      return new TrialResult(0.5, 0, 3);
    };
    SearchConfig config = SearchConfig.of(1, 2).withPruner(Pruner.asha(1, 2));
    SearchResult result = new Search(config, new LocalExecutor(1), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
        .run(Space.parse(List.of("x=uniform:0:1")), stubborn);
    TrialRecord r = result.trials().get(1);
    assertEquals(Status.FAILED, r.status());
    assertEquals("trial 1 reported epoch 2 after it was pruned; an Objective must stop when report returns false", r.error());
  }
}
