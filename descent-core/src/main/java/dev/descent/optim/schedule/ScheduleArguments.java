package dev.descent.optim.schedule;

import java.util.List;
import java.util.Map;

/** The parameters of one schedule as the CLI wrote them, read as numbers with messages that name them. */
final class ScheduleArguments {
  private final String schedule;
  private final Map<String, String> params;
  private final List<String> takes;

  ScheduleArguments(String schedule, Map<String, String> params, List<String> takes) {
    this.schedule = schedule;
    this.params = params;
    this.takes = takes;
  }

  String text(String key) {
    String value = params.get(key);
    if (value == null) {
      throw new IllegalArgumentException("schedule " + schedule + " needs " + key + "; it takes "
          + String.join(", ", takes));
    }
    return value.trim();
  }

  double number(String key) {
    return toNumber(key, text(key));
  }

  double number(String key, double defaultValue) {
    return params.containsKey(key) ? number(key) : defaultValue;
  }

  long whole(String key) {
    return toWhole(key, text(key));
  }

  long whole(String key, long defaultValue) {
    return params.containsKey(key) ? whole(key) : defaultValue;
  }

  Per per() {
    return params.containsKey("per") ? Per.parse(schedule, text("per")) : Per.EPOCH;
  }

  double[] numbers(String key) {
    String[] items = items(key);
    double[] out = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = toNumber(key, items[i]);
    }
    return out;
  }

  long[] wholes(String key) {
    String[] items = items(key);
    long[] out = new long[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = toWhole(key, items[i]);
    }
    return out;
  }

  private String[] items(String key) {
    String value = text(key);
    if (!value.startsWith("[") || !value.endsWith("]")) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + key + " = '" + value
          + "': must be a list such as [4, 8]");
    }
    String inside = value.substring(1, value.length() - 1).trim();
    String[] items = inside.isEmpty() ? new String[0] : inside.split(",");
    for (int i = 0; i < items.length; i++) {
      items[i] = items[i].trim();
    }
    return items;
  }

  private double toNumber(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + key + " = '" + value + "': not a number", e);
    }
  }

  private long toWhole(String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + key + " = '" + value
          + "': must be a whole number", e);
    }
  }
}
