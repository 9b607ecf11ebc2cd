package dev.descent.nn;

import java.util.Map;

/**
 * A layer's kind and settings as plain values (e.g. {@code dense {units: 5, bias: true}}), the
 * form model files store and reports print.
 */
public record LayerSpec(String kind, Map<String, Object> settings) {
  public LayerSpec {
    settings = Map.copyOf(settings);
  }

  public double number(String key) {
    Object v = settings.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(kind + " layer: setting '" + key + "' missing or not a number");
    }
    return n.doubleValue();
  }

  public String text(String key) {
    Object v = settings.get(key);
    if (v == null) {
      throw new IllegalArgumentException(kind + " layer: setting '" + key + "' missing");
    }
    return v.toString();
  }
}
