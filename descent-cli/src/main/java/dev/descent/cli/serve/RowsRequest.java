package dev.descent.cli.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of a {@code POST /predict} body as a float64 matrix of raw features: {@code {"rows":
 * [[x1, x2], …]}} in the model's feature order, or {@code {"rows": [{"x1": 0.5, "x2": -1}, …]}}
 * by feature name (every feature, no other key). A bad body is an {@link IllegalArgumentException}
 * whose message is the one line the client gets, naming the row (1-based) and the feature.
 */
final class RowsRequest {
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private final List<String> features;   // the model's names, or 1, 2, … when it has none
  private final Map<String, Integer> columns = new HashMap<>();

  /** For a model of {@code inputs} features named {@code names} (empty when the model has no names). */
  RowsRequest(List<String> names, int inputs) {
    List<String> f = new java.util.ArrayList<>(names);
    for (int j = 0; j < inputs; j++) {
      if (names.isEmpty()) {
        f.add(Integer.toString(j + 1));
      } else {
        columns.put(names.get(j), j);
      }
    }
    this.features = List.copyOf(f);
  }

  Matrix parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr() + " column "
          + e.getLocation().getColumnNr() + ": " + problem(e.getOriginalMessage()));
    } catch (java.io.IOException e) {
      throw new AssertionError("reading a byte array does not fail", e);
    }
    JsonNode rows = root == null ? null : root.get("rows");
    if (rows == null || !rows.isArray()) {
      throw new IllegalArgumentException("expected a JSON object {\"rows\": [[...], ...]} or {\"rows\": [{\"feature\": value, ...}]}");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("\"rows\" is empty; send at least one row");
    }
    Matrix x = Matrix.zeros(Precision.F64, rows.size(), features.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      if (row.isArray()) {
        byPosition(row, i, x);
      } else if (row.isObject()) {
        byName(row, i, x);
      } else {
        throw new IllegalArgumentException("row " + (i + 1) + ": expected an array of " + features.size()
            + " numbers or an object by feature name, found " + row.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return x;
  }

  private void byPosition(JsonNode row, int i, Matrix x) {
    if (row.size() != features.size()) {
      throw new IllegalArgumentException("row " + (i + 1) + ": has " + row.size() + " values but the model expects "
          + features.size() + " (" + String.join(", ", features) + ")");
    }
    for (int j = 0; j < row.size(); j++) {
      x.set(i, j, number(row.get(j), i, features.get(j)));
    }
  }

  private void byName(JsonNode row, int i, Matrix x) {
    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Integer j = columns.get(e.getKey());
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("row " + (i + 1) + ": the model has no feature names; send each row as an"
            + " array of " + features.size() + " numbers");
      }
      if (j == null) {
        throw new IllegalArgumentException("row " + (i + 1) + ": unknown feature \"" + e.getKey()
            + "\"; the model's features are " + String.join(", ", features));
      }
      x.set(i, j, number(e.getValue(), i, e.getKey()));
    }
    if (row.size() != features.size()) {
      for (String f : features) {
        if (!row.has(f)) {
          throw new IllegalArgumentException("row " + (i + 1) + ": feature \"" + f + "\" is missing");
        }
      }
    }
  }

  private static double number(JsonNode v, int i, String feature) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException("row " + (i + 1) + ", feature " + feature + ": " + abbreviated(v)
          + " is not a number");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("row " + (i + 1) + ", feature " + feature
          + ": a number beyond float64's range (about ±1.8e308)");
    }
    return d;
  }

  /** Jackson's description of a syntax error, without its notes on where the input came from. */
  private static String problem(String jackson) {
    String first = jackson.split("\n")[0];
    if (first.startsWith("Non-standard token")) {
      return first.substring(0, first.indexOf(':')) + ": JSON has no NaN or Infinity; send finite numbers";
    }
    int note = first.indexOf(" (start marker at");
    return note < 0 ? first : first.substring(0, note);
  }

  private static String abbreviated(JsonNode v) {
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
