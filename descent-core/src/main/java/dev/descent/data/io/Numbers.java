package dev.descent.data.io;

/**
 * The number syntax data files may use: decimal with an optional sign, fraction and exponent,
 * plus NaN and Inf(inity) in any case so that they are reported as non-finite rather than as
 * text. Stricter than {@link Double#parseDouble}, which also takes "1d" and hexadecimal.
 */
final class Numbers {
  private Numbers() {}

  static boolean isNumber(String text) {
    String s = text.trim();
    int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    String rest = s.substring(i);
    if (rest.equalsIgnoreCase("nan") || rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
      return true;
    }
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == s.length();
  }

  /** The value of text that {@link #isNumber} accepted. */
  static double parse(String text) {
    String s = text.trim();
    String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean negative = s.startsWith("-");
    if (unsigned.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(s);
  }

  /** "3" for whole numbers, else Java's shortest round-trip text. */
  static String text(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
