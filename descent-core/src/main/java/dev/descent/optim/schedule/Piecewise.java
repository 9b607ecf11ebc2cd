package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;
import java.util.Arrays;

/**
 * Rates set by hand: {@code values[0]} while t &lt; {@code boundaries[0]}, {@code values[i]} while
 * t &lt; {@code boundaries[i]}, and the last value from the last boundary on. There is one more
 * value than boundaries, and the boundaries rise strictly.
 *
 * <pre>{@code
 * Piecewise.of(new long[] {4, 8}, new double[] {0.2, 0.05, 0.01}, Per.EPOCH)
 * // 0.2 in epochs 0–3, 0.05 in 4–7, 0.01 from 8
 * }</pre>
 */
public final class Piecewise implements Schedule {
  private final long[] boundaries;
  private final double[] values;
  private final Per per;

  private Piecewise(long[] boundaries, double[] values, Per per) {
    this.boundaries = boundaries;
    this.values = values;
    this.per = per;
  }

  /** Validates and copies the arrays. */
  public static Piecewise of(long[] boundaries, double[] values, Per per) {
    Checks.notNull("piecewise", "per", per);
    if (values.length != boundaries.length + 1) {
      throw new IllegalArgumentException("schedule piecewise: " + boundaries.length + " boundaries need "
          + (boundaries.length + 1) + " values, got " + values.length);
    }
    for (int i = 0; i < boundaries.length; i++) {
      long low = i == 0 ? 0 : boundaries[i - 1];
      if (boundaries[i] <= low) {
        throw new IllegalArgumentException("schedule piecewise: boundaries = " + Arrays.toString(boundaries)
            + ": must be positive and rise strictly");
      }
    }
    for (double v : values) {
      Checks.positive("piecewise", "value", v);
    }
    return new Piecewise(boundaries.clone(), values.clone(), per);
  }

  @Override
  public double rate(Clock clock) {
    long t = per.t(clock);
    int i = 0;
    while (i < boundaries.length && t >= boundaries[i]) {
      i++;
    }
    return values[i];
  }

  @Override
  public String toString() {
    return "piecewise(boundaries=" + Arrays.toString(boundaries) + ", values=" + Arrays.toString(values)
        + ", per=" + per + ")";
  }
}
