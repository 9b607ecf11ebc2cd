package dev.descent.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text of {@code history.jsonl} and {@code history.csv}, and the one reader of the JSON lines.
 * A line per epoch: the scalars of {@link HistoryRow#SCALARS} ({@code null} in JSON and empty in
 * CSV where NaN), then {@code grad_norm} and {@code update_ratio}, arrays per layer in JSON and
 * columns {@code grad_norm_1}, {@code update_ratio_1}… in CSV.
 *
 * <pre>
 * {"epoch":1,"seconds":0.0021,"lr":7.0E-4,"train_cost":0.69,"train_accuracy":0.5,"dev_cost":null,…,"grad_norm":[0.12,0.4],"update_ratio":[…]}
 * </pre>
 *
 * <p>A run killed while writing may leave a torn last line; {@link #read} skips it (and any other
 * line that is not a row) with a warning naming the line, and returns the rest.
 */
public final class HistoryFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryFile() {}

  static String csvHeader(int layers) {
    StringBuilder sb = new StringBuilder(String.join(",", HistoryRow.SCALARS));
    for (int l = 1; l <= layers; l++) {
      sb.append(",grad_norm_").append(l);
    }
    for (int l = 1; l <= layers; l++) {
      sb.append(",update_ratio_").append(l);
    }
    return sb.toString();
  }

  static void appendJson(StringBuilder sb, HistoryRow row) {
    sb.append("{\"epoch\":").append(row.epoch());
    for (int i = 1; i < HistoryRow.SCALARS.length; i++) {
      sb.append(",\"").append(HistoryRow.SCALARS[i]).append("\":");
      number(sb, row.scalar(i));
    }
    sb.append(",\"grad_norm\":");
    array(sb, row.gradientNorms());
    sb.append(",\"update_ratio\":");
    array(sb, row.updateRatios());
    sb.append('}');
  }

  /** One CSV line with {@code layers} columns for each per-layer value (empty where not measured). */
  static void appendCsv(StringBuilder sb, HistoryRow row, int layers) {
    sb.append(row.epoch());
    for (int i = 1; i < HistoryRow.SCALARS.length; i++) {
      sb.append(',');
      if (!Double.isNaN(row.scalar(i))) {
        decimal(sb, row.scalar(i));
      }
    }
    double[][] perLayer = {row.gradientNorms(), row.updateRatios()};
    for (double[] values : perLayer) {
      for (int l = 0; l < layers; l++) {
        sb.append(',');
        if (l < values.length && !Double.isNaN(values[l])) {
          decimal(sb, values[l]);
        }
      }
    }
  }

  /**
   * The row's JSON line and CSV line, each with its newline, formatting every number once for
   * both (the writer thread's work, which a short run's end waits for). The same text as {@link
   * #appendJson} and {@link #appendCsv}.
   */
  static void appendBoth(StringBuilder json, StringBuilder csv, HistoryRow row, int layers, StringBuilder scratch) {
    json.append("{\"epoch\":").append(row.epoch());
    csv.append(row.epoch());
    for (int i = 1; i < HistoryRow.SCALARS.length; i++) {
      json.append(",\"").append(HistoryRow.SCALARS[i]).append("\":");
      csv.append(',');
      double v = row.scalar(i);
      if (Double.isNaN(v)) {
        json.append("null");
      } else if (Double.isInfinite(v)) {
        number(json, v);
        decimal(csv, v);
      } else {
        scratch.setLength(0);
        decimal(scratch, v);
        json.append(scratch);
        csv.append(scratch);
      }
    }
    json.append(",\"grad_norm\":");
    perLayer(json, csv, row.gradientNorms(), layers);
    json.append(",\"update_ratio\":");
    perLayer(json, csv, row.updateRatios(), layers);
    json.append("}\n");
    csv.append('\n');
  }

  /** Per-layer values: rare (probe epochs only), so formatted twice. */
  private static void perLayer(StringBuilder json, StringBuilder csv, double[] values, int layers) {
    array(json, values);
    for (int l = 0; l < layers; l++) {
      csv.append(',');
      if (l < values.length && !Double.isNaN(values[l])) {
        decimal(csv, values[l]);
      }
    }
  }

  /** JSON has no NaN or infinity: null for NaN, the strings "Infinity" and "-Infinity" for the infinities. */
  private static void number(StringBuilder sb, double v) {
    if (Double.isNaN(v)) {
      sb.append("null");
    } else if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
      decimal(sb, v);
    }
  }

  private static final double[] POWERS = new double[64];   // 10^(k − 24)

  static {
    for (int k = 0; k < POWERS.length; k++) {
      POWERS[k] = Double.parseDouble("1e" + (k - 24));
    }
  }

  /**
   * {@code v} to 9 significant digits (enough to give a float32 back exactly), shortest form:
   * {@code 0.693147182}, {@code 7.0E-4}, {@code 12}. JDK 17's {@code Double.toString} cost a
   * microsecond per number, a tenth of a course epoch per line.
   */
  static void decimal(StringBuilder sb, double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      sb.append(v == 0 ? "0" : Double.toString(v));
      return;
    }
    if (v < 0) {
      sb.append('-');
      v = -v;
    }
    int exp = (int) Math.floor(Math.log10(v));
    int k = 8 - exp + 24;
    if (k < 0 || k >= POWERS.length) {
      sb.append(v);
      return;
    }
    long digits = Math.round(v * POWERS[k]);
    if (digits >= 1_000_000_000L) {
      digits = (digits + 5) / 10;
      exp++;
    } else if (digits < 100_000_000L) {
      digits = Math.round(v * POWERS[k + 1]);
      exp--;
    }
    int n = 9;
    while (n > 1 && digits % 10 == 0) {
      digits /= 10;
      n--;
    }
    char[] d = new char[n];
    for (int i = n - 1; i >= 0; i--) {
      d[i] = (char) ('0' + digits % 10);
      digits /= 10;
    }
    if (exp >= 0 && exp < 9) {
      if (n <= exp + 1) {
        sb.append(d).append("0".repeat(exp + 1 - n));
      } else {
        sb.append(d, 0, exp + 1).append('.').append(d, exp + 1, n - exp - 1);
      }
    } else if (exp < 0 && exp >= -3) {
      sb.append("0.").append("000", 0, -exp - 1).append(d);
    } else {
      sb.append(d[0]).append('.');
      if (n > 1) {
        sb.append(d, 1, n - 1);
      } else {
        sb.append('0');
      }
      sb.append('E').append(exp);
    }
  }

  private static void array(StringBuilder sb, double[] values) {
    sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      number(sb, values[i]);
    }
    sb.append(']');
  }

  /** The JSON text of one row, as in the file. */
  public static String json(HistoryRow row) {
    StringBuilder sb = new StringBuilder(200);
    appendJson(sb, row);
    return sb.toString();
  }

  /**
   * The rows of a {@code history.jsonl}; lines that are not rows (a torn last line, a corrupt
   * one) are skipped with a warning "FILE line N: …; skipped". A missing file is an empty history.
   */
  public static List<HistoryRow> read(Path file, Consumer<String> warnings) throws IOException {
    List<HistoryRow> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        rows.add(parse(line));
      } catch (IOException | IllegalArgumentException e) {
        warnings.accept(file + " line " + (i + 1) + ": " + (i == lines.size() - 1 ? "torn or not a history row" : "not a history row")
            + "; skipped");
      }
    }
    return rows;
  }

  /** One line of {@code history.jsonl}. */
  public static HistoryRow parse(String line) throws IOException {
    JsonNode n = JSON.readTree(line);
    if (n == null || !n.isObject() || !n.path("epoch").canConvertToInt() || !n.path("epoch").isIntegralNumber()) {
      throw new IllegalArgumentException("not a history row");
    }
    return new HistoryRow(n.get("epoch").intValue(), value(n, "seconds"), value(n, "lr"), value(n, "train_cost"),
        value(n, "train_accuracy"), value(n, "dev_cost"), value(n, "dev_accuracy"), value(n, "regularization"),
        values(n.path("grad_norm")), values(n.path("update_ratio")));
  }

  private static double value(JsonNode n, String name) {
    return number(n.path(name));
  }

  private static double number(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual() && (v.textValue().equals("Infinity") || v.textValue().equals("-Infinity"))) {
      return Double.parseDouble(v.textValue());
    }
    return Double.NaN;
  }

  private static double[] values(JsonNode array) {
    double[] out = new double[array.isArray() ? array.size() : 0];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(array.get(i));
    }
    return out;
  }
}
