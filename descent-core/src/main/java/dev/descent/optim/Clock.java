package dev.descent.optim;

/**
 * Where training is: the update count t (1 for the first update, as bias correction needs) and
 * the epoch (0-based, as the schedules' formulas count it). Mutable, owned by an {@link Optimizer}.
 */
public final class Clock {
  private long step;
  private int epoch;

  public long step() {
    return step;
  }

  public int epoch() {
    return epoch;
  }

  void tick() {
    step++;
  }

  public void setEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch " + epoch + ": must not be negative");
    }
    this.epoch = epoch;
  }

  void restore(long step, int epoch) {
    this.step = step;
    this.epoch = epoch;
  }
}
