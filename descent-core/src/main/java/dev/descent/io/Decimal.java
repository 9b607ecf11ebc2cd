package dev.descent.io;

import java.util.Locale;

/**
 * Numbers as text for people, locale-free: the one formatter of messages, option defaults and
 * search specs. Whole numbers print as integers everywhere ({@code 1.0} → {@code "1"}).
 *
 * <pre>{@code
 * Decimal.text(0.7);             // "0.7"       (Java's shortest text that reads back)
 * Decimal.text(1e-8);            // "1.0E-8"
 * Decimal.typed(1e-8);           // "1e-8"      (as one types it on a command line)
 * Decimal.significant(Math.sqrt(1e-5), 6);   // "0.00316228"
 * }</pre>
 */
public final class Decimal {
  private Decimal() {}

  /** "3" for whole numbers below 10^15, else Java's shortest round-trip text ({@link Double#toString}). */
  public static String text(double v) {
    return isWhole(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** {@link #text}, with an exponent as one types it: "1e-8", not "1.0E-8". */
  public static String typed(double v) {
    String s = text(v);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    return trimZeros(s.substring(0, e)) + "e" + s.substring(e + 1);
  }

  /** {@code digits} significant digits, trailing zeros dropped: 1.0E-5 prints "1e-5", 0.0031622776 (6 digits) "0.00316228". */
  public static String significant(double v, int digits) {
    if (isWhole(v)) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%." + digits + "g", v);
    int e = s.indexOf('e');
    String mantissa = trimZeros(e < 0 ? s : s.substring(0, e));
    return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }

  private static String trimZeros(String mantissa) {
    return mantissa.indexOf('.') < 0 ? mantissa : mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
