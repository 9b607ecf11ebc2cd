package dev.descent.cli.experiment;

import java.util.Locale;

/**
 * A difference of two accuracies, e.g. train minus test: a table cell prints it in percentage
 * points beside the accuracies' percentages ({@code +3.29 pts}), JSON keeps the fraction (0.0329).
 */
public record AccuracyGap(double fraction) {
  /** "+3.29 pts", "-2.11 pts", "-" for NaN. */
  public String text() {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.2f pts", 100 * fraction);
  }
}
