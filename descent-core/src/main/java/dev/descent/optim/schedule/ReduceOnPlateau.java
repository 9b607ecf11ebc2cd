package dev.descent.optim.schedule;

import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reduces the rate when the cost stops improving: fed one cost per epoch through {@link
 * #observe}, it multiplies the rate by {@code factor} (never below {@code minimum}) after
 * {@code patience} epochs in a row without a relative improvement of {@code threshold} on the
 * best cost so far. Defaults (PyTorch's): factor 0.1, patience 10, minimum 0, threshold 1e-4.
 *
 * <p>Its numbers (current rate, best cost, epochs waited) live in three 1×1 matrices that the
 * optimizer's state saves, so a restored run reduces exactly when the original would have. A
 * NaN cost counts as no improvement. One instance belongs to one optimizer.
 *
 * <pre>{@code
 * ReduceOnPlateau p = new ReduceOnPlateau(0.1, 0.5, 2, 0.001, 0);
 * p.observe(1.0); p.observe(1.0); p.observe(1.0);   // two epochs without improvement
 * p.rate(clock);                                    // 0.05
 * }</pre>
 */
public final class ReduceOnPlateau implements Schedule {
  private final double lr0;
  private final double factor;
  private final long patience;
  private final double minimum;
  private final double threshold;
  private final Matrix rate = Matrix.zeros(Precision.F64, 1, 1);
  private final Matrix best = Matrix.zeros(Precision.F64, 1, 1);
  private final Matrix wait = Matrix.zeros(Precision.F64, 1, 1);

  public ReduceOnPlateau(double lr0, double factor, long patience, double minimum, double threshold) {
    Checks.positive("plateau", "lr0", lr0);
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("schedule plateau: factor = " + factor + ": must be in (0, 1)");
    }
    Checks.atLeastOne("plateau", "patience", patience);
    Checks.nonNegative("plateau", "minimum", minimum);
    if (minimum > lr0) {
      throw new IllegalArgumentException("schedule plateau: minimum = " + minimum + ": must not exceed lr0 = " + lr0);
    }
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("schedule plateau: threshold = " + threshold + ": must be in [0, 1)");
    }
    this.lr0 = lr0;
    this.factor = factor;
    this.patience = patience;
    this.minimum = minimum;
    this.threshold = threshold;
    rate.setFlat(0, lr0);
    best.setFlat(0, Double.POSITIVE_INFINITY);
  }

  @Override
  public double rate(Clock clock) {
    return rate.getFlat(0);
  }

  @Override
  public void observe(double cost) {
    double b = best.getFlat(0);
    if (b == Double.POSITIVE_INFINITY ? cost < b : cost < b - threshold * Math.abs(b)) {
      best.setFlat(0, cost);
      wait.setFlat(0, 0);
      return;
    }
    double waited = wait.getFlat(0) + 1;
    if (waited >= patience) {
      rate.setFlat(0, Math.max(minimum, rate.getFlat(0) * factor));
      waited = 0;
    }
    wait.setFlat(0, waited);
  }

  @Override
  public Map<String, Matrix> state() {
    Map<String, Matrix> out = new LinkedHashMap<>();
    out.put("plateau/rate", rate);
    out.put("plateau/best", best);
    out.put("plateau/wait", wait);
    return out;
  }

  @Override
  public String toString() {
    return "plateau(lr0=" + lr0 + ", factor=" + factor + ", patience=" + patience + ", minimum=" + minimum
        + ", threshold=" + threshold + ", per=epoch)";
  }
}
