package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/** Synthetic objectives: no networks, a known optimum, curves that rise like training does. */
final class Synthetic {
  private Synthetic() {}

  /** log10(lr) + 2.5 squared: 0 at the optimum lr = 10^−2.5. */
  static double lrDistance(Map<String, Object> params) {
    double x = Math.log10((Double) params.get("lr")) + 2.5;
    return x * x;
  }

  /** Dev accuracy exp(−distance), reached over {@code epochs} epochs as q·(1 − ½^e), plus noise of 0.001 from the trial's seed. */
  static Objective curves(ToDoubleFunction<Map<String, Object>> distance, int epochs, Set<Integer> calls) {
    return (trial, reporter) -> {
      if (calls != null && !calls.add(trial.id())) {
        throw new AssertionError("trial " + trial.id() + " ran twice");
      }
      double q = Math.exp(-distance.applyAsDouble(trial.params()));
      Rng noise = Rng.of(trial.seed());
      double accuracy = 0;
      for (int e = 1; e <= epochs; e++) {
        accuracy = q * (1 - Math.pow(0.5, e)) + 0.001 * noise.nextGaussian();
        if (!reporter.report(e, accuracy, 1 - accuracy)) {
          return new TrialResult(accuracy, 1 - accuracy, e);
        }
      }
      return new TrialResult(accuracy, 1 - accuracy, epochs);
    };
  }

  /** Curves q_id·(1 − ½^e) with the quality given per trial id, ignoring params. */
  static Objective fixedQualities(double[] quality, int epochs) {
    return (trial, reporter) -> {
      double q = quality[trial.id()];
      // uneven work, so that later ids often run ahead and must wait for earlier ones
      busy((quality.length - trial.id()) * 20_000);
      double accuracy = 0;
      for (int e = 1; e <= epochs; e++) {
        accuracy = q * (1 - Math.pow(0.5, e));
        if (!reporter.report(e, accuracy, -accuracy)) {
          return new TrialResult(accuracy, -accuracy, e);
        }
      }
      return new TrialResult(accuracy, -accuracy, epochs);
    };
  }

  static Set<Integer> callLog() {
    return ConcurrentHashMap.newKeySet();
  }

  private static volatile double sink;

  private static void busy(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.sqrt(i);
    }
    sink = s;
  }

  static Space lrSpace() {
    return Space.parse(List.of("lr=log:1e-6:1"));
  }
}
