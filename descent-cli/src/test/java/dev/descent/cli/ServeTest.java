package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.serve.PredictionServer;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code descent serve}: answers equal {@code descent predict}'s under 16 concurrent clients,
 * every bad request is a 400 (or 404/405) with one JSON error line, and the server goes on.
 */
class ServeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int CLIENTS = 16;
  static final int REQUESTS = 10_000;

  @TempDir
  static Path dir;
  static Model model;
  static PredictionServer server;
  static HttpClient http;

  @BeforeAll
  static void serve() throws Exception {
    Cli.run("train", "--data", "spiral", "--classes", "3", "--hidden", "16", "--epochs", "20",
        "--out", dir.toString()).ok();
    Path file = dir.resolve("model.descent");
    model = ModelFile.read(file);
    server = PredictionServer.start(List.of(ModelFile.read(file), ModelFile.read(file)), "127.0.0.1", 0, 4096);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(String body, String contentType) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void tenThousandRequestsFromSixteenClientsGetDescentPredictsAnswers() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Integer>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      done.add(clients.submit(() -> {
        Rng rng = Rng.of(17).fork("client", client);
        int checked = 0;
        for (int k = 0; k < REQUESTS / CLIENTS; k++) {
          int m = 1 + rng.nextInt(8);
          Matrix x = Matrix.zeros(Precision.F64, m, 2);
          StringBuilder body = new StringBuilder("{\"rows\": [");
          for (int i = 0; i < m; i++) {
            double a = rng.nextDouble() * 2 - 1;
            double b = rng.nextDouble() * 2 - 1;
            x.set(i, 0, a);
            x.set(i, 1, b);
            body.append(i == 0 ? "" : ",").append(k % 2 == 0
                ? String.format(Locale.ROOT, "[%s, %s]", a, b)
                : String.format(Locale.ROOT, "{\"x2\": %s, \"x1\": %s}", b, a));
          }
          HttpResponse<String> r = post(body.append("]}").toString(), "application/json");
          assertEquals(200, r.statusCode(), r.body());
          checked += check(x, JSON.readTree(r.body()));
        }
        return checked;
      }));
    }
    int rows = 0;
    for (Future<Integer> f : done) {
      rows += f.get();
    }
    clients.shutdown();
    assertTrue(rows >= REQUESTS, rows + " rows checked");
    assertEquals(0, server.failures());
  }

  /** Compares an answer with the model's own predictions (what {@code descent predict} prints); returns the rows. */
  static int check(Matrix x, JsonNode answer) {
    Matrix expected;
    synchronized (model) {   // a Network is for one thread at a time
      expected = model.predict(x);
    }
    for (int i = 0; i < x.rows(); i++) {
      assertEquals(model.classNames().get(Evaluation.predictedClass(expected, i)), answer.get("labels").get(i).asText());
      for (int j = 0; j < expected.cols(); j++) {
        assertEquals(expected.get(i, j), answer.get("probabilities").get(i).get(j).asDouble(), 1e-6);
      }
    }
    return x.rows();
  }

  @Test
  void healthAndModelDescribeTheServer() throws Exception {
    assertEquals("{\"status\":\"ok\"}", get("/health").body().strip());
    JsonNode m = JSON.readTree(get("/model").body());
    assertEquals("[\"x1\",\"x2\"]", m.get("features").toString());
    assertEquals("[\"0\",\"1\",\"2\"]", m.get("classes").toString());
    assertEquals("categorical-cross-entropy", m.get("loss").asText());
    assertEquals(20, m.get("training").get("epochs").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "malformed|{\"rows\": [[1, 2]|400|malformed JSON at line 1 column 17: Unexpected end-of-input: expected close marker for Array",
      "no rows|{\"data\": []}|400|expected a JSON object {\"rows\": [[...], ...]} or {\"rows\": [{\"feature\": value, ...}]}",
      "empty rows|{\"rows\": []}|400|\"rows\" is empty; send at least one row",
      "too few values|{\"rows\": [[1, 2], [3]]}|400|row 2: has 1 values but the model expects 2 (x1, x2)",
      "unknown name|{\"rows\": [{\"x1\": 1, \"x3\": 2}]}|400|row 1: unknown feature \"x3\"; the model's features are x1, x2",
      "missing name|{\"rows\": [{\"x1\": 1}]}|400|row 1: feature \"x2\" is missing",
      "duplicate name|{\"rows\": [{\"x1\": 1, \"x1\": 2}]}|400|malformed JSON at line 1 column 25: Duplicate field 'x1'",
      "string|{\"rows\": [[1, \"2\"]]}|400|row 1, feature x2: \"2\" is not a number",
      "null|{\"rows\": [[null, 2]]}|400|row 1, feature x1: null is not a number",
      "NaN|{\"rows\": [[NaN, 2]]}|400|malformed JSON at line 1 column 15: Non-standard token 'NaN': JSON has no NaN or Infinity; send finite numbers",
      "overflow|{\"rows\": [[1e400, 2]]}|400|row 1, feature x1: a number beyond float64's range (about ±1.8e308)",
      "a row that is a number|{\"rows\": [7]}|400|row 1: expected an array of 2 numbers or an object by feature name, found number",
  })
  void aBadBodyIsA400WithOneJsonLineAndTheServerGoesOn(String name, String body, int status, String message) throws Exception {
    HttpResponse<String> r = post(body, "application/json");
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(message, JSON.readTree(r.body()).get("error").asText());
    assertEquals(1, r.body().strip().split("\n").length);
    assertEquals(200, post("{\"rows\": [[0.1, 0.2]]}", "application/json").statusCode());
  }

  @Test
  void aBodyOverTheCapAWrongContentTypeAMethodAndAPathAreRefusedInOneLine() throws Exception {
    StringBuilder huge = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < 1000; i++) {
      huge.append(i == 0 ? "" : ",").append("[1, 2]");
    }
    assertRefused(post(huge.append("]}").toString(), "application/json"), 400,
        "request body over 4096 bytes; send fewer rows per request or raise --max-body");
    assertRefused(post("{\"rows\": [[1, 2]]}", "text/plain"), 400, "Content-Type is 'text/plain'; send application/json");
    assertRefused(post("{\"rows\": [[1, 2]]}", null), 400, "Content-Type is missing; send application/json");
    assertRefused(get("/predict"), 405, "/predict takes POST with a JSON body {\"rows\": [...]}, not GET");
    assertRefused(get("/nothing"), 404, "no such resource /nothing; the server has POST /predict, GET /health and GET /model");
    assertEquals(200, post("{\"rows\": [[0.1, 0.2]]}", "application/json; charset=utf-8").statusCode());
    assertEquals(0, server.failures());
  }

  static void assertRefused(HttpResponse<String> r, int status, String message) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(message, JSON.readTree(r.body()).get("error").asText());
  }

  @Test
  void theServeCommandListensOnLoopbackAndStopsWhenAsked() throws Exception {
    ServeCommand[] command = new ServeCommand[1];
    picocli.CommandLine.IFactory factory = new picocli.CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K k = picocli.CommandLine.defaultFactory().create(type);
        if (k instanceof ServeCommand s) {
          command[0] = s;
        }
        return k;
      }
    };
    StringWriter out = new StringWriter();
    Thread t = new Thread(() -> Main.run(new String[] {"serve", "--model", dir.resolve("model.descent").toString(),
        "--port", "0", "--threads", "1"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new StringWriter(), true), factory));
    t.start();
    Matcher port = null;
    for (int i = 0; i < 200 && (port == null || !port.find()); i++) {
      Thread.sleep(25);
      port = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) with 1 threads").matcher(out.toString());
    }
    assertTrue(port != null && port.hitEnd() == false, out.toString());
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/health"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    command[0].stop.countDown();
    t.join(5000);
    assertTrue(!t.isAlive(), "serve stopped");
  }
}
