package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;

/**
 * The course's {@code k/√(epoch_num)·lr0} with a 1-based epoch number, which is
 * {@code lr0·k / √(t + 1)} with this toolkit's 0-based t. Default k = 1.
 *
 * <pre>{@code
 * new InverseSqrt(0.2, 1, Per.EPOCH)   // 0.2, 0.1414, 0.1155, 0.1 in epochs 0, 1, 2, 3
 * }</pre>
 */
public record InverseSqrt(double lr0, double k, Per per) implements Schedule {
  public InverseSqrt {
    Checks.positive("inverse_sqrt", "lr0", lr0);
    Checks.positive("inverse_sqrt", "k", k);
    Checks.notNull("inverse_sqrt", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return lr0 * k / Math.sqrt(per.t(clock) + 1.0);
  }

  @Override
  public String toString() {
    return "inverse_sqrt(lr0=" + lr0 + ", k=" + k + ", per=" + per + ")";
  }
}
