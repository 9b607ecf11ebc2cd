package dev.descent.check;

import java.util.Locale;

/**
 * What a gradient check's relative difference {@code ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)} says:
 * {@link #OK} below 1e-7, {@link #CHECK} from 1e-7 up to (not including) 1e-3, {@link #BUG}
 * from 1e-3 and for NaN. The course reads 1e-7 as "great", 1e-5 as "look again" and 1e-3 as
 * "worry"; we fold the middle band into one verdict, so "check" is any difference that is
 * neither clearly float noise nor clearly a wrong backward rule (a ReLU kink crossed by ±ε, a
 * badly scaled cost, an ε too small for float noise).
 *
 * <pre>{@code
 * Verdict.of(4.5e-9);   // OK
 * Verdict.of(0.445);    // BUG
 * }</pre>
 */
public enum Verdict {
  OK, CHECK, BUG;

  /** Differences below this are float noise. */
  public static final double OK_BELOW = 1e-7;
  /** Differences from this up are a wrong gradient. */
  public static final double BUG_FROM = 1e-3;

  public static Verdict of(double difference) {
    if (difference < OK_BELOW) {
      return OK;
    }
    return difference < BUG_FROM ? CHECK : BUG;
  }

  /** {@code ok}, {@code check} or {@code bug}, as reports and JSON print it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One sentence for people. */
  public String advice() {
    return switch (this) {
      case OK -> "the analytic gradient agrees with centered differences";
      case CHECK -> "look again: the worst parameters may cross a ReLU kink or suffer float noise, or carry a small bug";
      case BUG -> "backpropagation is wrong: start with the parameter at the top of the ranking";
    };
  }
}
