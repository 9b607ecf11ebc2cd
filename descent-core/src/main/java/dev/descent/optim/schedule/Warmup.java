package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;
import dev.descent.tensor.Matrix;
import java.util.Map;

/**
 * Linear warm-up in front of another schedule: {@code then(t)·min(1, (t + 1)/length)}, so the
 * first update uses 1/length of the rate and update {@code length} the full rate (Goyal et al.).
 * The wrapped schedule keeps its own clock unit, and is fed the costs it observes.
 *
 * <pre>{@code
 * new Warmup(100, new Cosine(0.1, 50, 0, Per.EPOCH), Per.STEP)
 * // warmup(length=100, then=cosine(lr0=0.1, length=50, minimum=0.0, per=epoch), per=step)
 * }</pre>
 */
public record Warmup(long length, Schedule then, Per per) implements Schedule {
  public Warmup {
    Checks.atLeastOne("warmup", "length", length);
    Checks.notNull("warmup", "then", then);
    Checks.notNull("warmup", "per", per);
  }

  @Override
  public double rate(Clock clock) {
    return then.rate(clock) * Math.min(1, (per.t(clock) + 1) / (double) length);
  }

  @Override
  public void observe(double cost) {
    then.observe(cost);
  }

  @Override
  public Map<String, Matrix> state() {
    return then.state();
  }

  @Override
  public String toString() {
    return "warmup(length=" + length + ", then=" + then + ", per=" + per + ")";
  }
}
