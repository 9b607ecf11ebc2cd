package dev.descent.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Spec text → {@link Distribution}; messages quote the user's own tokens ("low 0.1", not "low 0.1000"). */
final class DistributionParser {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private DistributionParser() {}

  static Distribution parse(String spec) {
    String text = spec.strip();
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon).strip();
    String rest = colon < 0 ? null : text.substring(colon + 1);
    if (kind.equals("choice")) {
      return choice(rest == null ? "" : rest);
    }
    return switch (kind) {
      case "log" -> range(kind, rest, Scale.LOG, false);
      case "uniform" -> range(kind, rest, Scale.LINEAR, false);
      case "int" -> range(kind, rest, Scale.LINEAR, true);
      case "int-log" -> range(kind, rest, Scale.LOG, true);
      case "one-minus-log" -> range(kind, rest, Scale.ONE_MINUS_LOG, false);
      default -> throw new IllegalArgumentException("unknown distribution \"" + kind + "\"; valid: " + Distribution.KINDS);
    };
  }

  private static Range range(String kind, String rest, Scale scale, boolean integer) {
    String[] bounds = rest == null ? new String[0] : rest.split(":", -1);
    if (bounds.length != 2) {
      throw new IllegalArgumentException(kind + " needs two bounds, " + kind + ":LOW:HIGH, found " + bounds.length + "; e.g. " + example(kind));
    }
    String lowText = bounds[0].strip();
    String highText = bounds[1].strip();
    double low = number("low", lowText, integer);
    double high = number("high", highText, integer);
    if (!(low < high)) {
      throw new IllegalArgumentException("low " + lowText + " must be below high " + highText);
    }
    if (scale == Scale.LOG && !(low > 0)) {
      throw new IllegalArgumentException("a log scale needs a positive range, low is " + lowText + "; e.g. " + example(kind));
    }
    if (scale == Scale.ONE_MINUS_LOG && !(low > 0 && high < 1)) {
      String bad = low > 0 ? "high is " + highText : "low is " + lowText;
      throw new IllegalArgumentException(
          "one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), " + bad + "; e.g. " + example(kind));
    }
    return new Range(scale, integer, low, high);
  }

  private static double number(String which, String token, boolean integer) {
    if (integer) {
      if (!INTEGER.matcher(token).matches()) {
        throw new IllegalArgumentException(which + " \"" + token + "\" is not an integer");
      }
      long value;
      try {
        value = Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
      } catch (NumberFormatException e) {
        value = Long.MAX_VALUE;
      }
      if (Math.abs(value) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(which + " " + token + " is too large: integers must be within ±" + Integer.MAX_VALUE);
      }
      return value;
    }
    if (!DECIMAL.matcher(token).matches()) {
      throw new IllegalArgumentException(which + " \"" + token + "\" is not a number");
    }
    double value = Double.parseDouble(token);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(which + " " + token + " is not a finite number");
    }
    return value;
  }

  private static Choice choice(String rest) {
    String[] items = rest.split(",", -1);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      if (item.isEmpty()) {
        throw new IllegalArgumentException("choice value " + (i + 1) + " of " + items.length + " is empty; e.g. " + example("choice"));
      }
      values.add(typed(item));
    }
    return new Choice(values);
  }

  /** "32" → Integer, "1e-3" → Double, "relu" → String: the types JSON reads back. */
  static Object typed(String item) {
    if (INTEGER.matcher(item).matches()) {
      try {
        long value = Long.parseLong(item.startsWith("+") ? item.substring(1) : item);
        return value == (int) value ? (Object) (int) value : (Object) value;
      } catch (NumberFormatException tooLong) {
        return Double.parseDouble(item);
      }
    }
    if (DECIMAL.matcher(item).matches() && Double.isFinite(Double.parseDouble(item))) {
      return Double.parseDouble(item);
    }
    return item;
  }

  private static String example(String kind) {
    return switch (kind) {
      case "log" -> "log:1e-4:1e-1";
      case "uniform" -> "uniform:0.5:1";
      case "int" -> "int:1:4";
      case "int-log" -> "int-log:16:512";
      case "one-minus-log" -> "one-minus-log:0.9:0.999";
      default -> "choice:relu,tanh";
    };
  }
}
