package dev.descent.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryLog;
import dev.descent.train.HistoryRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * {"total":N,"rows":[…]}: every row when there are at most {@code max}, else per bucket of
   * epochs the rows with the lowest and highest train cost (so a spike survives), plus the first
   * and last row, and every row with probe values up to {@code max / 4}.
   */
  static String history(Path dir, int max) throws IOException {
    List<HistoryRow> rows = HistoryFile.read(dir.resolve(HistoryLog.JSONL), warning -> {});
    List<HistoryRow> kept = downsample(rows, max);
    StringBuilder sb = new StringBuilder("{\"total\":").append(rows.size()).append(",\"rows\":[");
    for (int i = 0; i < kept.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(HistoryFile.json(kept.get(i)));
    }
    return sb.append("]}").toString();
  }

  static List<HistoryRow> downsample(List<HistoryRow> rows, int max) {
    if (rows.size() <= max) {
      return rows;
    }
    int buckets = max / 2 - 1;
    double width = (double) rows.size() / buckets;
    List<HistoryRow> out = new ArrayList<>();
    out.add(rows.get(0));
    for (int b = 0; b < buckets; b++) {
      int from = Math.max(1, (int) (b * width));
      int to = Math.min(rows.size() - 1, (int) ((b + 1) * width));
      if (from >= to) {
        continue;
      }
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (rows.get(i).trainCost() < rows.get(lo).trainCost()) {
          lo = i;
        }
        if (rows.get(i).trainCost() > rows.get(hi).trainCost()) {
          hi = i;
        }
      }
      out.add(rows.get(Math.min(lo, hi)));
      if (lo != hi) {
        out.add(rows.get(Math.max(lo, hi)));
      }
    }
    out.add(rows.get(rows.size() - 1));
    return out;
  }

  /** {"trials":[journal records],"summary":search-summary.json or null}. */
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
            t.remove("curve");
            t.put("seed", n.path("seed").asText());   // 64-bit: a JavaScript number would round it
            trials.add(t);
          }
        } catch (IOException e) {
          // a torn last line of a running search: left out
        }
      }
    }
    Path summary = dir.resolve("search-summary.json");
    JsonNode s = null;
    if (Files.exists(summary)) {
      try {
        s = JSON.readTree(summary.toFile());
      } catch (IOException e) {
        s = null;   // being rewritten: the next poll reads it
      }
    }
    root.set("summary", s);
    return JSON.writeValueAsString(root);
  }
}
