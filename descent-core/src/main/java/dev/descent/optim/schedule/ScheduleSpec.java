package dev.descent.optim.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/** A schedule written as {@code name(key=value, ...)}, split into its name and raw parameters. */
record ScheduleSpec(String name, Map<String, String> params) {

  static ScheduleSpec of(String spec) {
    String s = spec.trim();
    int open = s.indexOf('(');
    if (open < 0) {
      return new ScheduleSpec(s, Map.of());
    }
    if (!s.endsWith(")")) {
      throw malformed(spec, "it does not end with ')'");
    }
    String name = s.substring(0, open).trim();
    Map<String, String> params = new LinkedHashMap<>();
    String inside = s.substring(open + 1, s.length() - 1);
    if (inside.isBlank()) {
      return new ScheduleSpec(name, Map.of());
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= inside.length(); i++) {
      char c = i < inside.length() ? inside.charAt(i) : ',';
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
        if (depth < 0) {
          throw malformed(spec, "a '" + c + "' closes nothing");
        }
      } else if (c == ',' && depth == 0) {
        add(spec, inside.substring(start, i), params);
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw malformed(spec, "brackets do not balance");
    }
    return new ScheduleSpec(name, params);
  }

  private static void add(String spec, String part, Map<String, String> params) {
    if (part.isBlank()) {
      throw malformed(spec, "an empty parameter");
    }
    int eq = part.indexOf('=');
    if (eq < 0) {
      throw malformed(spec, "'" + part.trim() + "' is not key=value");
    }
    String key = part.substring(0, eq).trim();
    if (params.put(key, part.substring(eq + 1).trim()) != null) {
      throw malformed(spec, key + " is given twice");
    }
  }

  private static IllegalArgumentException malformed(String spec, String why) {
    return new IllegalArgumentException("schedule '" + spec + "': " + why
        + "; expected name(key=value, ...), e.g. exponential(lr0=0.1, rate=0.95)");
  }
}
