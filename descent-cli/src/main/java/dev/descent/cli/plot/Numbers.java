package dev.descent.cli.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short labels for numbers and round tick values. */
final class Numbers {
  private Numbers() {}

  /** Three significant digits, no trailing zeros: "0.003", "2510", "3e-5", "1.2e6". */
  static String compact(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : Double.toString(value);
    }
    double magnitude = Math.abs(value);
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
    if (magnitude >= 1e-3 && magnitude < 1e5) {
      return rounded.toPlainString();
    }
    String scientific = String.format(Locale.ROOT, "%.2e", rounded.doubleValue());
    int e = scientific.indexOf('e');
    String mantissa = scientific.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
    return mantissa + "e" + Integer.parseInt(scientific.substring(e + 1));
  }

  /**
   * Round values in [low, high] for about {@code count} ticks: multiples of 1, 2 or 5 × 10^k.
   */
  static double[] ticks(double low, double high, int count) {
    double rough = (high - low) / Math.max(1, count);
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = power;
    for (double factor : new double[] {1, 2, 5, 10}) {
      step = factor * power;
      if (step >= rough) {
        break;
      }
    }
    long first = (long) Math.ceil(low / step - 1e-9);
    long last = (long) Math.floor(high / step + 1e-9);
    double[] ticks = new double[(int) Math.max(0, last - first + 1)];
    for (int k = 0; k < ticks.length; k++) {
      // NOTE: multiply, never accumulate, or 0.1 + 0.2 labels show as 0.30000000000000004
      ticks[k] = (first + k) * step;
    }
    return ticks;
  }
}
