package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * Cosine annealing from {@code lr0} down to {@code minimum} over {@code length} units, then
 * {@code minimum}: {@code minimum + (lr0 − minimum)·(1 + cos(π·min(t, length)/length))/2}
 * (Loshchilov &amp; Hutter's SGDR without restarts). Default minimum 0.
 *
 * <pre>{@code
 * new Cosine(0.1, 10, 0, Per.EPOCH)   // 0.1 at epoch 0, 0.05 at epoch 5, 0 from epoch 10
 * }</pre>
 */
public record Cosine(double lr0, long length, double minimum, Per per) implements Schedule {
  public Cosine {
    Checks.positive("cosine", "lr0", lr0);
    Checks.atLeastOne("cosine", "length", length);
    Checks.nonNegative("cosine", "minimum", minimum);
    if (minimum > lr0) {
      throw new IllegalArgumentException("schedule cosine: minimum = " + minimum + ": must not exceed lr0 = " + lr0);
    }
    Checks.notNull("cosine", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    double progress = Math.min(per.t(clock), length) / (double) length;
    double c = Math.cos(Math.PI * progress);
    // NOTE: the two ends weighted, not minimum + (lr0 − minimum)·(1 + c)/2, whose rounding gave
    // 0.010000000000000002 for lr0 0.01, minimum 0.001 at t = 0: this form is lr0 exactly at t = 0
    // (c = 1) and minimum exactly from t = length (c = −1)
    return ((1 + c) * lr0 + (1 - c) * minimum) / 2;
  }

  @Override
  public String toString() {
    return "cosine(lr0=" + lr0 + ", length=" + length + ", minimum=" + minimum + ", per=" + per + ")";
  }
}
