package dev.descent.cli.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request's query string, each name with its values in order ({@code run=a&from=3&run=b&from=0}). */
final class Query {
  private Query() {}

  static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        try {
          out.computeIfAbsent(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
              .add(URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed escape: the parameter is left out, and the request answers as without it
        }
      }
    }
    return out;
  }

  static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static long number(String s, long otherwise) {
    try {
      return s == null ? otherwise : Math.max(0, Long.parseLong(s));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
