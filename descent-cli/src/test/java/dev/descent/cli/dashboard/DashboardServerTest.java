package dev.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Cli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's server without a browser: what it serves, what it refuses, and bad states it survives. */
class DashboardServerTest {
  @TempDir
  Path root;
  @TempDir
  Path outside;

  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();

  /** Status code of a raw request line, sent as is (no client normalizes the path). */
  private static int raw(int port, String method, String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesOnlyFilesOfRunsUnderTheDirectories() throws Exception {
    Files.createDirectories(root.resolve("a"));
    Files.writeString(root.resolve("a/history.jsonl"), "{\"epoch\":1,\"train_cost\":0.5}\n");
    Files.write(root.resolve("a/cost.png"), new byte[] {1, 2, 3});
    Files.writeString(outside.resolve("secret.png"), "secret");
    Files.createSymbolicLink(root.resolve("a/link.png"), outside.resolve("secret.png"));
    Files.writeString(root.resolve("top.png"), "not a run's file");
    try (Dashboard d = Dashboard.start(List.of(root), "127.0.0.1", 0)) {
      int port = d.port();
      assertEquals(200, raw(port, "GET", "/files/0/a/cost.png"));
      for (String path : List.of("/files/0/a/../top.png", "/files/0/a/%2e%2e/top.png", "/files/0/a/%2E%2E%2Ftop.png", "/files/0/a/..%2f..%2fetc/passwd",
          "/files/0/../../etc/passwd", "/files//etc/passwd", "/files/0/a/link.png", "/files/0" + outside.resolve("secret.png"),
          "/files/0/a/history.jsonl/../cost.png", "/nothing")) {
        assertEquals(404, raw(port, "GET", path), path);
      }
      assertEquals(400, raw(port, "GET", "/files/0/a/%zz"), "the JDK's server refuses a malformed escape itself");
      assertEquals(405, raw(port, "POST", "/api/runs"));
      HttpResponse<String> page = get(port, "/");
      assertEquals(200, page.statusCode());
      for (String path : List.of("/", "/api/runs", "/files/0/a/cost.png", "/nothing")) {
        assertTrue(get(port, path).headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'; script-src 'self'"), path);
      }
      assertEquals(200, get(port, "/static/uplot.js").statusCode());
    }
  }

  @Test
  void survivesTornLinesDeletedRunsAndEmptyDirectories() throws Exception {
    Path run = Files.createDirectories(root.resolve("r"));
    Files.writeString(run.resolve("history.jsonl"), "{\"epoch\":1,\"train_cost\":0.5}\n{\"epoch\":2,\"train_cost\":0.4}\n{\"epoch\":3,\"tra");
    try (Dashboard d = Dashboard.start(List.of(root, outside), "127.0.0.1", 0)) {
      JsonNode history = new ObjectMapper().readTree(get(d.port(), "/api/history?run=0/r").body());
      assertEquals(2, history.get("total").asInt());
      assertEquals("[0.5,0.4]", history.get("train_cost").toString());
      Files.delete(run.resolve("history.jsonl"));
      Files.delete(run);
      assertEquals(404, get(d.port(), "/api/history?run=0/r").statusCode());
      assertEquals("{\"runs\":[]}", get(d.port(), "/api/runs").body());
    }
  }

  @Test
  void streamsTheRowsAppendedToEveryRunOfThePageInOneStream() throws Exception {
    Path a = Files.createDirectories(root.resolve("a")).resolve("history.jsonl");
    Path b = Files.createDirectories(root.resolve("b")).resolve("history.jsonl");
    String first = "{\"epoch\":1,\"train_cost\":0.5}\n";
    Files.writeString(a, first);
    Files.writeString(b, "");
    try (Dashboard d = Dashboard.start(List.of(root), "127.0.0.1", 0); Socket s = new Socket("127.0.0.1", d.port())) {
      JsonNode history = new ObjectMapper().readTree(get(d.port(), "/api/history?run=0/a").body());
      assertEquals(first.length(), history.get("offset").asInt(), "the stream takes over at the byte the columns end at");
      s.getOutputStream().write(("GET /api/events?run=0/a&from=" + first.length() + "&run=0/b&from=0&run=0/none&from=0 HTTP/1.1\r\nHost: x\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      while (!in.readLine().isEmpty()) {
        // headers
      }
      String second = "{\"epoch\":2,\"train_cost\":0.4}";
      Files.writeString(a, second + "\nnot json\n{\"epoch\":3,\"train_co", StandardOpenOption.APPEND);
      assertEquals("data: {\"run\":\"0/a\",\"offset\":" + (first.length() + second.length() + 1) + ",\"row\":" + second + "}", nextData(in));
      Files.writeString(a, "st\":0.3}\n", StandardOpenOption.APPEND);
      assertEquals("data: {\"run\":\"0/a\",\"offset\":" + Files.size(a) + ",\"row\":{\"epoch\":3,\"train_cost\":0.3}}", nextData(in),
          "the torn line, once whole, and not the corrupt one");
      Files.writeString(b, "{\"epoch\":1,\"dev_cost\":0.7}\n", StandardOpenOption.APPEND);
      assertEquals("data: {\"run\":\"0/b\",\"offset\":" + Files.size(b) + ",\"row\":{\"epoch\":1,\"dev_cost\":0.7}}", nextData(in));
    }
  }

  private static String nextData(BufferedReader in) throws Exception {
    String line;
    do {
      line = in.readLine();
    } while (!line.startsWith("data: "));
    return line;
  }

  @Test
  void aLongRunReachesThePageAsItsExtremesPerBucketOnASharedEpochAxis() throws Exception {
    Path run = Files.createDirectories(root.resolve("long"));
    StringBuilder sb = new StringBuilder();
    for (int e = 1; e <= 10_000; e++) {
      double cost = e == 4321 ? 9.5 : e == 8000 ? 1e-6 : 1.0 / e;   // one spike and one dip
      sb.append("{\"epoch\":").append(e).append(",\"train_cost\":").append(cost).append(",\"dev_accuracy\":").append(e % 7 == 0 ? "0.5" : "null")
          .append("}\n");
    }
    Files.writeString(run.resolve("history.jsonl"), sb);
    try (Dashboard d = Dashboard.start(List.of(root), "127.0.0.1", 0)) {
      JsonNode h = new ObjectMapper().readTree(get(d.port(), "/api/history?run=0/long&points=600").body());
      assertEquals(10_000, h.get("total").asInt());
      // kept at 16 epochs a bucket (10 000 / 16 = 625 <= 1 024 buckets); 600 points: 2 × ceil(10 000 / w) <= 600 first at w = 64
      assertEquals(64, h.get("bucket").asInt());
      JsonNode epochs = h.get("epoch");
      assertEquals(2 * 157, epochs.size());
      assertEquals(List.of(1, 64, 65, 128), List.of(epochs.get(0).asInt(), epochs.get(1).asInt(), epochs.get(2).asInt(), epochs.get(3).asInt()));
      assertEquals(10_000, epochs.get(epochs.size() - 1).asInt());
      // bucket 4289..4352: the spike (epoch 4321) comes before the bucket's lowest (4352), so it is drawn at the bucket's start
      assertEquals(4289, epochs.get(2 * 67).asInt());
      assertEquals(9.5, h.get("train_cost").get(2 * 67).asDouble());
      assertEquals((float) (1.0 / 4352), (float) h.get("train_cost").get(2 * 67 + 1).asDouble());
      // bucket 7937..8000: the dip (8000) comes after the bucket's highest (7937)
      assertEquals(8000, epochs.get(2 * 124 + 1).asInt());
      assertEquals(1e-6, h.get("train_cost").get(2 * 124 + 1).asDouble());
      assertEquals((float) (1.0 / 7937), (float) h.get("train_cost").get(2 * 124).asDouble());
      for (JsonNode v : h.get("dev_accuracy")) {
        assertEquals(0.5, v.asDouble(), "measured every 7th epoch: every bucket has one");
      }
      JsonNode all = new ObjectMapper().readTree(get(d.port(), "/api/history?run=0/long&points=100000").body());
      assertEquals(2 * 625, all.get("epoch").size(), "no finer than the 16 epochs a bucket it keeps");
    }
  }

  @Test
  void aLineLongerThanAnyRowIsSkippedWithoutBeingHeldAndTheRowsAroundItCount() throws Exception {
    Path run = Files.createDirectories(root.resolve("odd"));
    String garbage = "x".repeat(3 * SeriesCache.MAX_LINE);   // across several of the reader's chunks
    Files.writeString(run.resolve("history.jsonl"), "{\"epoch\":1,\"train_cost\":0.5}\n" + garbage + "\n{\"epoch\":2,\"train_cost\":0.4}\n");
    SeriesCache cache = new SeriesCache(SeriesCache.BUDGET_BYTES);
    JsonNode h = new ObjectMapper().readTree(cache.json(run, 100));
    assertEquals(2, h.get("total").asInt());
    assertEquals("[0.5,0.4]", h.get("train_cost").toString());
    assertEquals(Files.size(run.resolve("history.jsonl")), h.get("offset").asLong());
  }

  @Test
  void theCacheOfRunsStaysWithinItsBudgetDroppingTheLeastRecentlyUsed() throws Exception {
    SeriesCache cache = new SeriesCache(3 * new SeriesSummary().bytes());
    for (String name : List.of("a", "b", "c", "d")) {
      Files.createDirectories(root.resolve(name));
      Files.writeString(root.resolve(name + "/history.jsonl"), "{\"epoch\":1,\"train_cost\":0.5}\n");
    }
    cache.json(root.resolve("a"), 100);
    cache.json(root.resolve("b"), 100);
    cache.json(root.resolve("c"), 100);
    cache.json(root.resolve("a"), 100);   // a used again: b is now the least recently used
    cache.json(root.resolve("d"), 100);
    assertEquals(3, cache.size());
    assertTrue(cache.bytes() <= 3 * new SeriesSummary().bytes(), "bytes " + cache.bytes());
    assertEquals(List.of(true, false, true, true), List.of(cache.contains(root.resolve("a")), cache.contains(root.resolve("b")),
        cache.contains(root.resolve("c")), cache.contains(root.resolve("d"))));
    assertEquals("{\"total\":1,\"offset\":29,\"bucket\":1,\"epoch\":[1],\"lr\":[null],\"train_cost\":[0.5],\"train_accuracy\":[null],"
        + "\"dev_cost\":[null],\"dev_accuracy\":[null],\"grad_norm\":[],\"update_ratio\":[]}", cache.json(root.resolve("b"), 100),
        "a dropped run is read again when asked for");
  }

  @Test
  void aRunningSearchWithoutItsSummaryHasScalesFromItsValuesCurvesAndImportance() throws Exception {
    Path search = Files.createDirectories(root.resolve("s"));
    StringBuilder journal = new StringBuilder("{\"recipe\":{}}\n");
    for (int id = 0; id < 8; id++) {
      boolean pruned = id % 4 == 3;
      int epochs = pruned ? 2 : 1200;
      StringBuilder curve = new StringBuilder();
      for (int e = 1; e <= epochs; e++) {
        curve.append(e == 1 ? "" : ",").append(e == 700 ? "0.99" : "0.5");   // one high epoch in a long curve
      }
      double accuracy = 0.6 + 0.04 * id;   // rises with lr alone
      journal.append("{\"id\":").append(id).append(",\"params\":{\"lr\":").append(Math.pow(10, -4 + id / 2.0)).append(",\"hidden\":\"")
          .append(id % 2 == 0 ? "20-7" : "5").append("\"},\"seed\":").append(Long.MAX_VALUE - id).append(",\"dev_accuracy\":").append(accuracy)
          .append(",\"dev_cost\":0.3,\"status\":\"").append(pruned ? "pruned" : "complete").append("\",\"epochs\":").append(epochs)
          .append(",\"seconds\":0.1,\"round\":1,\"curve\":[").append(curve).append("]}\n");
    }
    Files.writeString(search.resolve("search.jsonl"), journal + "{\"id\":8,\"par");   // and a torn last line
    try (Dashboard d = Dashboard.start(List.of(root), "127.0.0.1", 0)) {
      JsonNode s = new ObjectMapper().readTree(get(d.port(), "/api/search?run=0/s").body());
      assertEquals(8, s.get("trials").size());
      assertEquals("{\"lr\":\"linear\",\"hidden\":\"categorical\"}", s.get("scales").toString(), "no summary yet: from the values");
      assertEquals("dev_accuracy", s.get("metric").asText());
      assertTrue(s.get("maximize").asBoolean());
      assertEquals(Long.toString(Long.MAX_VALUE), s.at("/trials/0/seed").asText(), "64-bit seeds as text");
      assertEquals("[0.5,0.5]", s.at("/trials/3/curve").toString(), "a pruned trial's curve up to where it stopped");
      JsonNode curve = s.at("/trials/0/curve");
      JsonNode epochs = s.at("/trials/0/curve_epochs");
      assertTrue(curve.size() <= Api.CURVE_POINTS && curve.size() == epochs.size(), curve.size() + " points");
      assertEquals(0.99, curve.get(indexOf(epochs, 700)).asDouble(), "a long curve keeps its extremes");
      JsonNode importance = s.get("importance");
      assertEquals(6, importance.get("trials").asInt(), "complete trials only");
      assertTrue(importance.get("method").asText().startsWith("fANOVA main effects of a random forest (64 trees, seed 0)"));
      assertTrue(importance.at("/values/lr").asDouble() > 0.8, importance.toString());
    }
  }

  private static int indexOf(JsonNode array, int value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asInt() == value) {
        return i;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  @Test
  void aPortInUseIsOneLineAndExitCodeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Cli.Result r = Cli.run("dashboard", root.toString(), "--port", Integer.toString(port));
      assertEquals(1, r.code());
      assertTrue(r.error().startsWith("--port " + port + ": 127.0.0.1:" + port + " is in use ("), r.err());
      assertTrue(r.error().endsWith("); give another --port, or 0 for any free one"), r.err());
      assertEquals(1, r.err().strip().split("\n").length, r.err());
    }
  }
}
