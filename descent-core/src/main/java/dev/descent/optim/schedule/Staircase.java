package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * Step decay: the rate is multiplied by {@code factor} every {@code every} units,
 * {@code lr0·factor^⌊t / every⌋}. Default factor 0.5.
 *
 * <pre>{@code
 * new Staircase(0.2, 0.5, 3, Per.EPOCH)   // 0.2 in epochs 0–2, 0.1 in 3–5, 0.05 in 6–8
 * }</pre>
 */
public record Staircase(double lr0, double factor, long every, Per per) implements Schedule {
  public Staircase {
    Checks.positive("staircase", "lr0", lr0);
    Checks.positive("staircase", "factor", factor);
    Checks.atLeastOne("staircase", "every", every);
    Checks.notNull("staircase", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return lr0 * Math.pow(factor, Math.floorDiv(per.t(clock), every));
  }

  @Override
  public String toString() {
    return "staircase(lr0=" + lr0 + ", factor=" + factor + ", every=" + every + ", per=" + per + ")";
  }
}
