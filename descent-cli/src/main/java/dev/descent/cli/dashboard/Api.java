package dev.descent.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The dashboard's JSON answers, built from the files a run leaves. */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Api() {}

  /** {"runs":[{"id","kind","name","epochs","last",…,"plots":[…]}]} */
  static String runs(List<RunScan.Run> runs) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("runs");
    for (RunScan.Run r : runs) {
      ObjectNode o = list.addObject();
      o.put("id", r.id());
      o.put("kind", r.kind());
      o.put("path", r.directory().toString());
      ArrayNode plots = o.putArray("plots");
      try (Stream<Path> files = Files.list(r.directory())) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().forEach(plots::add);
      } catch (IOException e) {
        o.put("gone", true);   // deleted while listed
      }
    }
    return JSON.writeValueAsString(root);
  }

  /** A curve longer than this reaches the page as the lowest and highest value per bucket of epochs. */
  static final int CURVE_POINTS = 500;

  /**
   * {"trials":[journal records],"summary":search-summary.json without its trials, or null,"ranks","metric","maximize","scales",
   * "importance":{"method","trials","values":{name:share}}}. A trial's {@code curve} is its metric
   * per epoch (index e − 1 for epoch e), pruned trials' up to where they stopped; a long one comes
   * with {@code curve_epochs}. Scales come from the summary, or while the search runs (no summary
   * yet) from the values: text is categorical, numbers linear.
   */
  static String search(Path dir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode trials = root.putArray("trials");
    Path journal = dir.resolve("search.jsonl");
    if (Files.exists(journal)) {
      for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
        try {
          JsonNode n = JSON.readTree(line);
          if (n != null && n.has("id") && n.has("status")) {
            ObjectNode t = (ObjectNode) n;
            t.put("seed", n.path("seed").asText());   // 64-bit: a JavaScript number would round it
            shorten(t);
            trials.add(t);
          }
        } catch (IOException e) {
          // a torn last line of a running search: left out
        }
      }
    }
    Path summary = dir.resolve("search-summary.json");
    JsonNode s = null;
    ObjectNode ranks = root.putObject("ranks");   // {"ID": rank}: none while the search runs (no summary yet)
    if (Files.exists(summary)) {
      try {
        s = JSON.readTree(summary.toFile());
        if (s != null && s.isObject()) {
          for (JsonNode t : s.path("trials")) {
            ranks.put(t.path("id").asText(), t.path("rank").asInt());
          }
          ((ObjectNode) s).remove("trials");   // the page has them from the journal
        }
      } catch (IOException e) {
        s = null;   // being rewritten: the next poll reads it
      }
    }
    root.set("summary", s);
    String metric = s != null && s.hasNonNull("metric") ? s.get("metric").asText() : "dev_accuracy";
    root.put("metric", metric);
    root.put("maximize", s != null && s.has("maximize") ? s.get("maximize").asBoolean() : !metric.equals("dev_cost"));
    ObjectNode scales = root.putObject("scales");
    for (JsonNode t : trials) {
      for (Iterator<Map.Entry<String, JsonNode>> it = t.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode given = s == null ? null : s.path("scales").get(p.getKey());
        if (given != null && given.isTextual()) {
          scales.put(p.getKey(), given.asText());
        } else if (!scales.has(p.getKey()) || p.getValue().isTextual()) {
          scales.put(p.getKey(), p.getValue().isTextual() ? "categorical" : "linear");
        }
      }
    }
    root.set("importance", importance(trials, scales, metric));
    return JSON.writeValueAsString(root);
  }

  private static void shorten(ObjectNode t) {
    JsonNode curve = t.path("curve");
    if (!curve.isArray() || curve.size() <= CURVE_POINTS) {
      return;
    }
    int width = (curve.size() + CURVE_POINTS / 2 - 1) / (CURVE_POINTS / 2);
    ArrayNode values = JSON.createArrayNode();
    ArrayNode epochs = JSON.createArrayNode();
    for (int from = 0; from < curve.size(); from += width) {
      int lo = -1;
      int hi = -1;
      for (int i = from; i < Math.min(curve.size(), from + width); i++) {
        double v = curve.get(i).asDouble(Double.NaN);
        if (curve.get(i).isNumber() && (lo < 0 || v < curve.get(lo).asDouble())) {
          lo = i;
        }
        if (curve.get(i).isNumber() && (hi < 0 || v > curve.get(hi).asDouble())) {
          hi = i;
        }
      }
      if (lo >= 0) {
        for (int i : lo == hi ? new int[] {lo} : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
          epochs.add(i + 1);
          values.add(curve.get(i));
        }
      }
    }
    t.set("curve", values);
    t.set("curve_epochs", epochs);
  }

  /** The importance of each parameter over the complete trials; see {@link Importance}. */
  private static ObjectNode importance(ArrayNode trials, ObjectNode scales, String metric) {
    List<JsonNode> complete = new ArrayList<>();
    for (JsonNode t : trials) {
      if (t.path("status").asText().equals("complete") && t.path(metric).isNumber() && Double.isFinite(t.path(metric).asDouble())) {
        complete.add(t);
      }
    }
    if (complete.size() > Importance.MOST_TRIALS) {   // evenly spaced in the journal: the forest's work grows faster than the trials
      List<JsonNode> kept = new ArrayList<>();
      for (int i = 0; i < Importance.MOST_TRIALS; i++) {
        kept.add(complete.get((int) ((long) i * complete.size() / Importance.MOST_TRIALS)));
      }
      complete = kept;
    }
    double[] y = new double[complete.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = complete.get(i).path(metric).asDouble();
    }
    List<Importance.Column> columns = new ArrayList<>();
    for (Iterator<String> it = scales.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String scale = scales.get(name).asText();
      boolean categorical = scale.equals("categorical");
      double[] values = new double[y.length];
      List<String> categories = new ArrayList<>();
      boolean usable = true;
      for (int i = 0; i < y.length && usable; i++) {
        JsonNode v = complete.get(i).path("params").path(name);
        if (categorical) {
          String label = v.asText();
          if (!categories.contains(label)) {
            categories.add(label);
          }
          values[i] = categories.indexOf(label);
        } else {
          double x = v.asDouble(Double.NaN);
          values[i] = scale.equals("log") ? Math.log(x) : scale.equals("one-minus-log") ? -Math.log(1 - x) : x;
          usable = v.isNumber() && Double.isFinite(values[i]);
        }
      }
      if (usable) {
        columns.add(new Importance.Column(name, categorical, values));
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("method", Importance.METHOD);
    out.put("trials", y.length);
    ObjectNode shares = out.putObject("values");
    Importance.of(columns, y).forEach(shares::put);
    return out;
  }
}
