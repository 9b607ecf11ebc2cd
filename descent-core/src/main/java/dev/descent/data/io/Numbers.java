package dev.descent.data.io;

import java.nio.charset.StandardCharsets;

/**
 * The number syntax data files may use: decimal with an optional sign, fraction and exponent,
 * plus NaN and Inf(inity) in any case so that they are reported as non-finite rather than as
 * text. Stricter than {@link Double#parseDouble}, which also takes "1d" and hexadecimal.
 */
final class Numbers {
  private Numbers() {}

  /** How a cell's text reads as a number. */
  enum Syntax { DECIMAL, NON_FINITE, NONE }

  static boolean isNumber(String text) {
    byte[] bytes = text.trim().getBytes(StandardCharsets.UTF_8);
    return syntax(bytes, 0, bytes.length) != Syntax.NONE;
  }

  /**
   * The syntax of the trimmed text in {@code bytes[from, to)} (UTF-8): digits are ASCII only, so
   * that every DECIMAL is one {@link Double#parseDouble} and fastdoubleparser read alike.
   */
  static Syntax syntax(byte[] bytes, int from, int to) {
    int i = from < to && (bytes[from] == '+' || bytes[from] == '-') ? from + 1 : from;
    if (isWord(bytes, i, to, "nan") || isWord(bytes, i, to, "inf") || isWord(bytes, i, to, "infinity")) {
      return Syntax.NON_FINITE;
    }
    int start = i;
    i = digits(bytes, i, to);
    int count = i - start;
    if (i < to && bytes[i] == '.') {
      int fraction = i + 1;
      i = digits(bytes, fraction, to);
      count += i - fraction;
    }
    if (count == 0) {
      return Syntax.NONE;
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int exponent = i;
      i = digits(bytes, i, to);
      if (i == exponent) {
        return Syntax.NONE;
      }
    }
    return i == to ? Syntax.DECIMAL : Syntax.NONE;
  }

  private static int digits(byte[] bytes, int i, int to) {
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  private static boolean isWord(byte[] bytes, int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if ((bytes[from + k] | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
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
}
