package dev.descent.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.autodiff.Variable;
import dev.descent.optim.Clock;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReduceOnPlateauTest {
  static final Clock CLOCK = new Clock();

  @Test
  void reducesAfterPatienceEpochsWithoutImprovement() {
    ReduceOnPlateau p = Schedules.plateau(0.1, 0.5, 2, 0.01, 0);
    double[] costs = {1.0, 0.9, 0.95, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8};
    double[] rates = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125, 0.01, 0.01};
    for (int epoch = 0; epoch < costs.length; epoch++) {
      p.observe(costs[epoch]);
      assertEquals(rates[epoch], p.rate(CLOCK), 1e-15, "after epoch " + epoch);
    }
  }

  @Test
  void anImprovementSmallerThanTheThresholdDoesNotCount() {
    ReduceOnPlateau p = Schedules.plateau(0.1, 0.1, 1, 0, 0.01);
    p.observe(1.0);
    p.observe(0.995);   // 0.5% better, the threshold asks 1%
    assertEquals(0.01, p.rate(CLOCK), 1e-15);
    p.observe(0.98);    // 2% better than the best, 1.0
    assertEquals(0.01, p.rate(CLOCK), 1e-15);
  }

  @Test
  void aNanCostCountsAsNoImprovement() {
    ReduceOnPlateau p = Schedules.plateau(0.1, 0.5, 1, 0, 0);
    p.observe(1.0);
    p.observe(Double.NaN);
    assertEquals(0.05, p.rate(CLOCK), 1e-15);
  }

  @Test
  void defaultsArePyTorchs() {
    assertEquals("plateau(lr0=0.1, factor=0.1, patience=10, minimum=0.0, threshold=1.0E-4, per=epoch)",
        Schedules.plateau(0.1).toString());
  }

  @Test
  void itsNumbersArePartOfTheOptimizerCheckpoint() {
    ReduceOnPlateau original = Schedules.plateau(0.1, 0.5, 2, 0, 0);
    Optimizer a = new Optimizer(Optimizers.momentum(original, 0.9),
        List.of(Variable.parameter("W1", Matrix.zeros(Precision.F64, 1, 2))));
    for (double cost : new double[] {1.0, 0.7, 0.8, 0.75, 0.72}) {
      original.observe(cost);   // one reduction; best 0.7; waited 1 epoch
    }
    Map<String, Matrix> saved = new LinkedHashMap<>();
    a.state().flatten(a.parameters()).forEach((path, m) -> saved.put(path, m.copy()));
    assertEquals(List.of("0/v/W1", "1/plateau/rate", "1/plateau/best", "1/plateau/wait"), List.copyOf(saved.keySet()));

    ReduceOnPlateau restored = Schedules.plateau(0.1, 0.5, 2, 0, 0);
    Optimizer b = new Optimizer(Optimizers.momentum(restored, 0.9),
        List.of(Variable.parameter("W1", Matrix.zeros(Precision.F64, 1, 2))));
    b.state().restore(b.parameters(), saved);
    assertEquals(0.05, restored.rate(CLOCK), 1e-15);
    original.observe(0.71);
    restored.observe(0.71);   // a second epoch without improvement: both reduce now
    assertEquals(0.025, original.rate(CLOCK), 1e-15);
    assertEquals(0.025, restored.rate(CLOCK), 1e-15);
  }

  @Test
  void warmupPassesCostsAndStateToTheScheduleItWraps() {
    ReduceOnPlateau inner = Schedules.plateau(0.1, 0.5, 1, 0, 0);
    var warm = Schedules.warmup(1, inner, Per.EPOCH);
    warm.observe(1.0);
    warm.observe(1.0);
    assertEquals(0.05, warm.rate(CLOCK), 1e-15);
    assertEquals(inner.state(), warm.state());
  }
}
