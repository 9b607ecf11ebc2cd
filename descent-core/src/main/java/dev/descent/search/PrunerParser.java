package dev.descent.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pruner spec text → {@link Pruner}: {@code none}, {@code median[:warmup=W,min-trials=M]}, {@code asha[:min-epochs=E,eta=H]}. */
final class PrunerParser {
  private static final String VALID = "none, median[:warmup=2,min-trials=5], asha[:min-epochs=1,eta=3]";

  private PrunerParser() {}

  static Pruner parse(String spec) {
    String text = spec.strip();
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Map<String, Integer> settings = settings(text, colon < 0 ? "" : text.substring(colon + 1));
    return switch (name) {
      case "none" -> {
        only(text, settings);
        yield Pruner.none();
      }
      case "median" -> {
        only(text, settings, "warmup", "min-trials");
        MedianPruner d = (MedianPruner) Pruner.median();
        yield Pruner.median(settings.getOrDefault("warmup", d.warmupEpochs()), settings.getOrDefault("min-trials", d.minTrials()));
      }
      case "asha" -> {
        only(text, settings, "min-epochs", "eta");
        AshaPruner d = (AshaPruner) Pruner.asha();
        yield Pruner.asha(settings.getOrDefault("min-epochs", d.minEpochs()), settings.getOrDefault("eta", d.eta()));
      }
      default -> throw new IllegalArgumentException("pruner \"" + text + "\": unknown; valid: " + VALID);
    };
  }

  /** {@code key=int,key=int} → map; shared with {@link SamplerParser} for its integer settings. */
  static Map<String, Integer> settings(String whole, String list) {
    Map<String, Integer> settings = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : Settings.parse(whole, list).entrySet()) {
      try {
        settings.put(e.getKey(), Integer.parseInt(e.getValue()));
      } catch (NumberFormatException notInt) {
        throw new IllegalArgumentException("\"" + whole + "\": " + e.getKey() + " = \"" + e.getValue() + "\" is not an integer");
      }
    }
    return settings;
  }

  private static void only(String whole, Map<String, Integer> settings, String... allowed) {
    for (String key : settings.keySet()) {
      if (!java.util.List.of(allowed).contains(key)) {
        throw new IllegalArgumentException("pruner \"" + whole + "\": unknown setting \"" + key + "\"; "
            + (allowed.length == 0 ? "none takes no settings" : "valid: " + String.join(", ", allowed)));
      }
    }
  }
}
