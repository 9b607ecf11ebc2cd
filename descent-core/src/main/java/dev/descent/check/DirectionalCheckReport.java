package dev.descent.check;

import java.util.Locale;

/**
 * The result of a directional gradient check: for each random unit direction d, the numerical
 * slope {@code (J(θ+εd) − J(θ−εd)) / 2ε} against the analytic {@code g·d}, and the relative
 * difference of the two vectors of slopes, {@code ‖s − s̃‖₂ / (‖s‖₂ + ‖s̃‖₂)}, read with the same
 * {@link Verdict} thresholds as a full check. Cheap (two evaluations per direction), but it
 * cannot say which parameter is wrong.
 */
public record DirectionalCheckReport(double epsilon, double difference, Verdict verdict, boolean dropoutDisabled,
    double[] analytic, double[] numerical) {

  public int directions() {
    return analytic.length;
  }

  public String text() {
    return String.format(Locale.ROOT, "directional gradient check: difference %.3e → %s over %d random directions, ε = %.0e%s%n%s%n",
        difference, verdict.label(), analytic.length, epsilon, dropoutDisabled ? ", dropout switched off" : "",
        verdict.advice());
  }
}
