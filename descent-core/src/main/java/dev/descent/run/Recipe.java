package dev.descent.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's whole recipe as a search journal records it: the {@link RunConfig} (data source and its
 * options, split, every training option) and the identity of its data files ({@link DataFiles}).
 * {@link #differences} names, as command-line options, what a resumed search would change, so
 * that {@code search --resume} refuses a journal of another search instead of reporting its
 * results as this one's.
 *
 * <pre>{@code
 * Recipe.differences(Recipe.of(moons2Epochs), Recipe.of(circles50Epochs));
 * // ["--data moons (now circles)", "--epochs 2 (now 50)"]
 * }</pre>
 */
public final class Recipe {
  private static final String FILES = "files";

  private Recipe() {}

  /** {@code config} as JSON with its data files hashed. */
  public static ObjectNode of(RunConfig config) {
    ObjectNode recipe = config.toJson();
    recipe.set(FILES, DataFiles.of(config.data()));
    return recipe;
  }

  /** The options that differ between a recorded recipe and the current one, as "--epochs 2 (now 50)"; empty when none. */
  public static List<String> differences(JsonNode recorded, JsonNode current) {
    Map<String, String> was = new LinkedHashMap<>();
    Map<String, String> now = new LinkedHashMap<>();
    flatten("", recorded, was);
    flatten("", current, now);
    Set<String> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(now.keySet());
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : keys) {
      String a = was.getOrDefault(key, "none");
      String b = now.getOrDefault(key, "none");
      if (!a.equals(b)) {
        String option = option(key);
        boolean file = key.startsWith(FILES + ".");
        if (file && (a.equals("none") || b.equals("none"))) {
          continue;   // a file of another path: the --data (or --test, --labels) difference says it
        }
        if (key.endsWith(".sha256")) {
          a = a.substring(0, Math.min(12, a.length())) + "…";
          b = b.substring(0, Math.min(12, b.length())) + "…";
        }
        out.putIfAbsent(option, file ? option + " (its contents: " + key.substring(key.lastIndexOf('.') + 1) + " " + a + " → " + b + ")"
            : option + " " + a + " (now " + b + ")");
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node == null || node.isNull()) {
      into.put(prefix, "none");
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
      }
    } else if (node.isArray() && prefix.equals(FILES)) {
      for (JsonNode f : node) {
        String path = f.path("path").asText();
        into.put(FILES + "." + path + ".size", f.path("size").asText());
        into.put(FILES + "." + path + ".sha256", f.path("sha256").asText());
      }
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(v -> items.add(v.asText()));
      into.put(prefix, String.join(",", items));
    } else {
      into.put(prefix, node.asText());
    }
  }

  /** The command-line option that sets a recipe field. */
  private static String option(String key) {
    if (key.startsWith(FILES + ".")) {
      String rest = key.substring(FILES.length() + 1);
      return "--data " + rest.substring(0, rest.lastIndexOf('.'));
    }
    if (key.startsWith("data.test")) {
      return "--test";
    }
    if (key.startsWith("data.data.")) {
      return switch (key.substring("data.data.".length())) {
        case "source" -> "--data";
        case "label" -> "--label";
        case "labels" -> "--labels";
        case "seed" -> "--data-seed";
        default -> "--" + key.substring("data.data.".length());
      };
    }
    return switch (key) {
      case "data.normalize" -> "--no-normalize";
      case "data.seed", "training.seed" -> "--seed";
      default -> "--" + key.substring(key.indexOf('.') + 1);
    };
  }
}
