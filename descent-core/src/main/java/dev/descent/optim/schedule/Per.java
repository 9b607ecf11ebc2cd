package dev.descent.optim.schedule;

import dev.descent.optim.Clock;

/**
 * What a schedule's t counts: epochs (0 for the first epoch, as the course's formulas count) or
 * updates (0 for the first update, so that every schedule starts at its lr0).
 */
public enum Per {
  EPOCH,
  STEP;

  /**
   * t for {@code clock}: the epoch, or the number of updates before the current one. During
   * update t the clock's step is t (from 1); before the first update it is 0, which reads as
   * t = 0, the rate the first update will use.
   */
  public long t(Clock clock) {
    return this == EPOCH ? clock.epoch() : Math.max(0, clock.step() - 1);
  }

  /** The name the CLI uses: {@code epoch} or {@code step}. */
  @Override
  public String toString() {
    return name().toLowerCase();
  }

  /** {@code epoch} or {@code step}. */
  public static Per parse(String schedule, String value) {
    switch (value) {
      case "epoch":
        return EPOCH;
      case "step":
        return STEP;
      default:
        throw new IllegalArgumentException("schedule " + schedule + ": per = '" + value + "': must be epoch or step");
    }
  }
}
