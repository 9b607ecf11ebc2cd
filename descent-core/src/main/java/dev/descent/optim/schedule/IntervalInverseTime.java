package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * Inverse-time decay in steps of a fixed interval (the course's "scheduled" decay):
 * {@code lr0 / (1 + decay·⌊t / interval⌋)}.
 *
 * <pre>{@code
 * new IntervalInverseTime(0.2, 1, 4, Per.EPOCH)   // 0.2 in epochs 0–3, 0.1 in 4–7, 0.0667 from 8
 * }</pre>
 */
public record IntervalInverseTime(double lr0, double decay, long interval, Per per) implements Schedule {
  public IntervalInverseTime {
    Checks.positive("interval_inverse_time", "lr0", lr0);
    Checks.nonNegative("interval_inverse_time", "decay", decay);
    Checks.atLeastOne("interval_inverse_time", "interval", interval);
    Checks.notNull("interval_inverse_time", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return lr0 / (1 + decay * Math.floorDiv(per.t(clock), interval));
  }

  @Override
  public String toString() {
    return "interval_inverse_time(lr0=" + lr0 + ", decay=" + decay + ", interval=" + interval + ", per=" + per + ")";
  }
}
