package dev.descent.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value,key=value} part of a pruner or sampler spec, as text. */
final class Settings {
  private Settings() {}

  static Map<String, String> parse(String whole, String list) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (list.isBlank()) {
      return settings;
    }
    for (String item : list.split(",", -1)) {
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("\"" + whole + "\": setting \"" + item.strip() + "\" must be key=value");
      }
      String key = item.substring(0, eq).strip();
      if (settings.put(key, item.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("\"" + whole + "\": setting \"" + key + "\" is given twice");
      }
    }
    return settings;
  }
}
