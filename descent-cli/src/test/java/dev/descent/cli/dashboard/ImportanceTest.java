package dev.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter importance on searches whose answer is known: a metric that depends on one parameter only. */
class ImportanceTest {
  /** 60 trials: ln lr uniform in [ln 1e-4, ln 1], keep-prob uniform in [0.5, 1], hidden one of three. */
  private static List<Importance.Column> columns(long seed, double[] lnLr, double[] keepProb, double[] hidden) {
    Rng rng = Rng.of(seed);
    for (int i = 0; i < lnLr.length; i++) {
      lnLr[i] = Math.log(1e-4) + rng.nextDouble() * Math.log(1e4);
      keepProb[i] = 0.5 + 0.5 * rng.nextDouble();
      hidden[i] = rng.nextInt(3);
    }
    return List.of(new Importance.Column("lr", false, lnLr), new Importance.Column("keep-prob", false, keepProb),
        new Importance.Column("hidden", true, hidden));
  }

  @Test
  void aMetricOfTheLearningRateAloneGivesTheLearningRateNearlyAllOfIt() {
    for (long seed : new long[] {1, 2, 3}) {
      double[] lnLr = new double[60];
      double[] keep = new double[60];
      double[] hidden = new double[60];
      List<Importance.Column> columns = columns(seed, lnLr, keep, hidden);
      double[] accuracy = new double[60];
      for (int i = 0; i < 60; i++) {
        accuracy[i] = 0.95 - 0.02 * Math.pow(lnLr[i] - Math.log(1e-2), 2);   // best at lr = 0.01, on the log scale
      }
      Map<String, Double> shares = Importance.of(columns, accuracy);
      assertEquals(List.of("lr", "keep-prob", "hidden"), List.copyOf(shares.keySet()));
      assertTrue(shares.get("lr") > 0.9, "seed " + seed + ": " + shares);
      assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12, "normalized as Optuna's");
      assertEquals(shares, Importance.of(columns, accuracy), "the forest's seed is fixed");
    }
  }

  @Test
  void aMetricOfTheArchitectureAloneGivesTheCategoricalParameterNearlyAllOfIt() {
    double[] lnLr = new double[60];
    double[] keep = new double[60];
    double[] hidden = new double[60];
    List<Importance.Column> columns = columns(7, lnLr, keep, hidden);
    double[] accuracy = new double[60];
    for (int i = 0; i < 60; i++) {
      accuracy[i] = new double[] {0.80, 0.95, 0.70}[(int) hidden[i]];   // the middle category best: no order to split on
    }
    Map<String, Double> shares = Importance.of(columns, accuracy);
    assertTrue(shares.get("hidden") > 0.95, shares.toString());
  }

  @Test
  void fewerThanThreeTrialsOrOneScoreForAllHaveNoImportance() {
    assertEquals(Map.of(), Importance.of(List.of(new Importance.Column("lr", false, new double[] {1, 2})), new double[] {0.5, 0.6}));
    assertEquals(Map.of(), Importance.of(List.of(new Importance.Column("lr", false, new double[] {1, 2, 3})), new double[] {0.5, 0.5, 0.5}));
  }
}
