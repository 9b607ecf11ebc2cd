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
      assertEquals(2, history.get("rows").size());
      Files.delete(run.resolve("history.jsonl"));
      Files.delete(run);
      assertEquals(404, get(d.port(), "/api/history?run=0/r").statusCode());
      assertEquals("{\"runs\":[]}", get(d.port(), "/api/runs").body());
    }
  }

  @Test
  void streamsAppendedEpochsWithinASecond() throws Exception {
    Path run = Files.createDirectories(root.resolve("r"));
    Path file = run.resolve("history.jsonl");
    Files.writeString(file, "{\"epoch\":1,\"train_cost\":0.5}\n");
    try (Dashboard d = Dashboard.start(List.of(root), "127.0.0.1", 0); Socket s = new Socket("127.0.0.1", d.port())) {
      s.getOutputStream().write("GET /api/events?run=0/r&from=1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      while (!in.readLine().isEmpty()) {
        // headers
      }
      Files.writeString(file, "{\"epoch\":2,\"train_cost\":0.4}\nnot json\n{\"epoch\":3,\"train_co", StandardOpenOption.APPEND);
      String line;
      do {
        line = in.readLine();
      } while (!line.startsWith("data: "));
      assertTrue(line.endsWith("{\"epoch\":2,\"train_cost\":0.4}"), line);
      Files.writeString(file, "st\":0.3}\n", StandardOpenOption.APPEND);
      do {
        line = in.readLine();
      } while (!line.startsWith("data: "));
      assertEquals("data: {\"epoch\":3,\"train_cost\":0.3}", line, "the torn line, once whole, and not the corrupt one");
    }
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
