package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * Exponential decay {@code lr0·rate^t}; the course's default rate is 0.95. A rate above 1 grows
 * the learning rate, as the learning-rate range test does.
 *
 * <pre>{@code
 * new Exponential(0.2, 0.95, Per.EPOCH)   // 0.2, 0.19, 0.1805, … in epochs 0, 1, 2
 * }</pre>
 */
public record Exponential(double lr0, double rate, Per per) implements Schedule {
  public Exponential {
    Checks.positive("exponential", "lr0", lr0);
    Checks.positive("exponential", "rate", rate);
    Checks.notNull("exponential", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return lr0 * Math.pow(rate, per.t(clock));
  }

  @Override
  public String toString() {
    return "exponential(lr0=" + lr0 + ", rate=" + rate + ", per=" + per + ")";
  }
}
