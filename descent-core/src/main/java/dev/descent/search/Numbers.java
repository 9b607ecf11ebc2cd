package dev.descent.search;

import java.util.Locale;

/** Short, locale-free printing of numbers in specs and reports ("1e-5", "0.001", "0.9"). */
final class Numbers {
  private Numbers() {}

  /** Six significant digits, trailing zeros dropped: 1.0E-5 prints "1e-5", 0.0031622776 "0.00316228". */
  static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    String s = String.format(Locale.ROOT, "%.6g", x);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e + 1);
    if (mantissa.indexOf('.') >= 0) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    if (exponent.isEmpty()) {
      return mantissa;
    }
    int power = Integer.parseInt(exponent);
    return mantissa + "e" + power;
  }
}
