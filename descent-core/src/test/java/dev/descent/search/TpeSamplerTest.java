package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

  /** Two parameters with a known optimum, lr = 10^−2.5 and 1 − β = 10^−2; plus a choice where only relu is good. */
  private static double regret(Map<String, Object> p) {
    double lr = Math.log10((Double) p.get("lr")) + 2.5;
    double beta = Math.log10(1 - (Double) p.get("beta")) + 2;
    return lr * lr + beta * beta + (p.get("activation").equals("relu") ? 0 : 1);
  }

  private static double bestRegret(Sampler sampler, long seed) {
    Space space = Space.parse(List.of("lr=log:1e-6:1", "beta=one-minus-log:0.5:0.9999", "activation=choice:relu,tanh,sigmoid"));
    Objective objective = (trial, reporter) -> {
      double accuracy = -regret(trial.params());
      reporter.report(1, accuracy, -accuracy);
      return new TrialResult(accuracy, -accuracy, 1);
    };
    SearchConfig config = SearchConfig.of(seed, 50).withSampler(sampler);
    SearchResult result = new Search(config, new LocalExecutor(2), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE).run(space, objective);
    return -result.best().orElseThrow().devAccuracy();
  }

  @Test
  void tpeBeatsRandomOnAverageOverSeeds() {
    double tpe = 0;
    double random = 0;
    int tpeWins = 0;
    for (long seed = 1; seed <= 6; seed++) {
      double t = bestRegret(Sampler.tpe(), seed);
      double r = bestRegret(Sampler.random(), seed);
      tpe += t / 6;
      random += r / 6;
      tpeWins += t < r ? 1 : 0;
    }
    assertTrue(tpe < random / 2, "mean best regret: tpe " + tpe + ", random " + random);
    assertTrue(tpeWins >= 4, "tpe won " + tpeWins + " of 6 seeds");
  }

  @Test
  void proposalsConcentrateWhereTheGoodTrialsAre() {
    Space space = Space.parse(List.of("lr=log:1e-6:1"));
    Round round = new Round(1, space, 0, 100, Metric.DEV_ACCURACY);
    List<TrialRecord> history = new ArrayList<>();
    Rng rng = Rng.of(3);
    for (int id = 0; id < 40; id++) {
      Map<String, Object> params = space.sample(rng.fork("h", id));
      double accuracy = -Synthetic.lrDistance(params);
      history.add(new TrialRecord(id, 1, params, 0, Status.COMPLETE, accuracy, -accuracy, 1, 0, List.of(accuracy), null));
    }
    int near = 0;
    for (int id = 40; id < 140; id++) {
      double lr = (Double) Sampler.tpe().propose(round, id, history, List.of(), Rng.of(9).fork("propose", id)).get("lr");
      near += Math.abs(Math.log10(lr) + 2.5) < 1 ? 1 : 0;
    }
    // random: 2 of the 6 decades, a third; TPE should do far better
    assertTrue(near > 70, near + " of 100 proposals within a decade of the optimum");
  }

  @Test
  void parzenDensityIntegratesToOneOverTheSpace() {
    Space space = Space.parse(List.of("x=uniform:0:1", "c=choice:a,b,c"));
    List<List<Map<String, Object>>> cases = List.of(List.of(), List.of(point(0.02, "a")),
        List.of(point(0.1, "a"), point(0.15, "b"), point(0.9, "a"), point(0.97, "c")));
    for (List<Map<String, Object>> observations : cases) {
      ParzenEstimator parzen = new ParzenEstimator(space, observations);
      double integral = 0;
      int n = 20_000;
      for (int c = 0; c < 3; c++) {
        for (int i = 0; i < n; i++) {
          integral += Math.exp(parzen.logDensity(new double[] {(i + 0.5) / n, c})) / n;
        }
      }
      assertEquals(1, integral, 1e-5);
    }
  }

  private static Map<String, Object> point(double x, String c) {
    return Map.of("x", x, "c", c);
  }

  @Test
  void parzenSamplesFollowTheDensity() {
    Space space = Space.parse(List.of("x=uniform:0:1"));
    ParzenEstimator parzen = new ParzenEstimator(space, List.of(Map.<String, Object>of("x", 0.2), Map.<String, Object>of("x", 0.25), Map.<String, Object>of("x", 0.8)));
    Rng rng = Rng.of(4);
    int inside = 0;
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      double x = parzen.sample(rng)[0];
      inside += x < 0.5 ? 1 : 0;
    }
    double expected = 0;
    for (int i = 0; i < 10_000; i++) {
      expected += Math.exp(parzen.logDensity(new double[] {(i + 0.5) / 20_000})) / 20_000;
    }
    assertEquals(expected, (double) inside / n, 0.01);
  }

  @Test
  void parsesSpecs() {
    assertEquals(TpeSampler.defaults(), Sampler.parse("tpe"));
    assertEquals(new TpeSampler(5, 0.2, 48, 1), Sampler.parse("tpe:startup=5,gamma=0.2,candidates=48,batch=1"));
    assertEquals("tpe:startup=5,gamma=0.2,candidates=48,batch=1", new TpeSampler(5, 0.2, 48, 1).spec());
    assertEquals(Sampler.random(), Sampler.parse("random"));
    assertEquals(Sampler.grid(), Sampler.parse("grid"));
    assertEquals("sampler \"bayes\": unknown; valid: random, grid, tpe[:startup=10,gamma=0.25,candidates=24,batch=4]",
        assertThrows(IllegalArgumentException.class, () -> Sampler.parse("bayes")).getMessage());
    assertEquals("sampler \"grid:points=3\": grid takes no settings",
        assertThrows(IllegalArgumentException.class, () -> Sampler.parse("grid:points=3")).getMessage());
    assertEquals("sampler \"tpe:quantile=0.1\": unknown setting \"quantile\"; valid: startup, gamma, candidates, batch",
        assertThrows(IllegalArgumentException.class, () -> Sampler.parse("tpe:quantile=0.1")).getMessage());
    assertEquals("tpe gamma = 1.5: must be in (0, 1), the fraction of trials counted as good, e.g. 0.25",
        assertThrows(IllegalArgumentException.class, () -> Sampler.parse("tpe:gamma=1.5")).getMessage());
    assertEquals("sampler \"tpe:batch=x\": batch = \"x\" is not an integer",
        assertThrows(IllegalArgumentException.class, () -> Sampler.parse("tpe:batch=x")).getMessage());
  }
}
