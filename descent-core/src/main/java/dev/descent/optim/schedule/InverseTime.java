package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * The course's learning-rate decay {@code lr0 / (1 + decay·t)}.
 *
 * <pre>{@code
 * new InverseTime(0.2, 1, Per.EPOCH)   // 0.2, 0.1, 0.0667, 0.05, … in epochs 0, 1, 2, 3
 * }</pre>
 */
public record InverseTime(double lr0, double decay, Per per) implements Schedule {
  public InverseTime {
    Checks.positive("inverse_time", "lr0", lr0);
    Checks.nonNegative("inverse_time", "decay", decay);
    Checks.notNull("inverse_time", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return lr0 / (1 + decay * per.t(clock));
  }

  @Override
  public String toString() {
    return "inverse_time(lr0=" + lr0 + ", decay=" + decay + ", per=" + per + ")";
  }
}
