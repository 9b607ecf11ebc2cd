package dev.descent.search;

import java.util.List;
import java.util.Map;

/** Sampler spec text → {@link Sampler}: {@code random}, {@code grid}, {@code tpe[:startup=S,gamma=G,candidates=C,batch=B]}. */
final class SamplerParser {
  private static final String VALID = "random, grid, tpe[:startup=10,gamma=0.25,candidates=24,batch=4]";

  private SamplerParser() {}

  static Sampler parse(String spec) {
    String text = spec.strip();
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Map<String, String> settings = Settings.parse(text, colon < 0 ? "" : text.substring(colon + 1));
    switch (name) {
      case "random", "grid" -> {
        if (!settings.isEmpty()) {
          throw new IllegalArgumentException("sampler \"" + text + "\": " + name + " takes no settings");
        }
        return name.equals("random") ? Sampler.random() : Sampler.grid();
      }
      case "tpe" -> {
        TpeSampler d = TpeSampler.defaults();
        for (String key : settings.keySet()) {
          if (!List.of("startup", "gamma", "candidates", "batch").contains(key)) {
            throw new IllegalArgumentException("sampler \"" + text + "\": unknown setting \"" + key + "\"; valid: startup, gamma, candidates, batch");
          }
        }
        return new TpeSampler(
            integer(text, settings, "startup", d.startup()),
            real(text, settings, "gamma", d.gamma()),
            integer(text, settings, "candidates", d.candidates()),
            integer(text, settings, "batch", d.batch()));
      }
      default -> throw new IllegalArgumentException("sampler \"" + text + "\": unknown; valid: " + VALID);
    }
  }

  private static int integer(String text, Map<String, String> settings, String key, int byDefault) {
    String value = settings.get(key);
    if (value == null) {
      return byDefault;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sampler \"" + text + "\": " + key + " = \"" + value + "\" is not an integer");
    }
  }

  private static double real(String text, Map<String, String> settings, String key, double byDefault) {
    String value = settings.get(key);
    if (value == null) {
      return byDefault;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sampler \"" + text + "\": " + key + " = \"" + value + "\" is not a number");
    }
  }
}
