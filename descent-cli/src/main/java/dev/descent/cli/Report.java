package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.train.Evaluation;
import java.io.PrintWriter;

/** Shared output helpers: the JSON writer, metric objects and aligned tables. */
final class Report {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {"accuracy":A,"cost":C} for a set, accuracy omitted for regression. */
  static ObjectNode metrics(Evaluation e) {
    ObjectNode n = object();
    if (!Double.isNaN(e.accuracy())) {
      n.put("accuracy", e.accuracy());
    }
    n.put("cost", e.cost());
    return n;
  }

  /** {@code "history"}: one object per epoch with the fields of history.jsonl, unless --json-history none. */
  static void history(ObjectNode json, java.util.List<dev.descent.train.HistoryRow> rows, HistoryOptions options) {
    if (options.jsonHistory == HistoryOptions.JsonHistory.none) {
      return;
    }
    com.fasterxml.jackson.databind.node.ArrayNode array = json.putArray("history");
    try {
      for (dev.descent.train.HistoryRow row : rows) {
        array.add(JSON.readTree(dev.descent.train.HistoryFile.json(row)));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("a history row is not JSON", e);
    }
  }

  static void print(PrintWriter out, ObjectNode json) {
    try {
      out.println(JSON.writeValueAsString(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON output", e);
    }
    out.flush();
  }

  /** Prints rows as an aligned table; the first row is the header. */
  static void table(PrintWriter out, String[][] rows) {
    int[] width = new int[rows[0].length];
    for (String[] r : rows) {
      for (int j = 0; j < r.length; j++) {
        width[j] = Math.max(width[j], r[j].length());
      }
    }
    for (int i = 0; i < rows.length; i++) {
      StringBuilder sb = new StringBuilder("  ");
      for (int j = 0; j < rows[i].length; j++) {
        String cell = rows[i][j];
        sb.append(j == 0 ? String.format("%-" + width[j] + "s", cell) : String.format("%" + width[j] + "s", cell));
        sb.append("   ");
      }
      out.println(sb.toString().stripTrailing());
      if (i == 0) {
        out.println("  " + "-".repeat(sb.length() - 5));
      }
    }
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f %%", 100 * v);
  }

  static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.4f", v);
  }
}
