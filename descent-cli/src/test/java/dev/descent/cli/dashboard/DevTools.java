package dev.descent.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, the JDK's own client): no
 * Selenium or chromedriver needed. Collects console errors, uncaught exceptions and
 * Content-Security-Policy violations as they happen.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process browser;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  final List<String> errors = new CopyOnWriteArrayList<>();

  private DevTools(Process browser, WebSocket socket) {
    this.browser = browser;
    this.socket = socket;
  }

  static DevTools open(Path chromium, Path scratch) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--no-proxy-server", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--window-size=1280,1600", "--remote-debugging-port=0", "--user-data-dir=" + scratch.resolve("profile"), "about:blank"));
    Path err = scratch.resolve("chromium-stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(scratch.resolve("chromium-stdout.txt").toFile()).start();
    Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
    String browserUrl = null;
    for (int i = 0; i < 300 && browserUrl == null; i++) {
      Thread.sleep(100);
      Matcher m = listening.matcher(Files.exists(err) ? Files.readString(err) : "");
      browserUrl = m.find() ? m.group(1) : null;
      if (!p.isAlive()) {
        throw new IOException("chromium exited: " + Files.readString(err));
      }
    }
    if (browserUrl == null) {
      p.destroyForcibly();
      throw new IOException("chromium did not open its DevTools port in 30 s");
    }
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String pageUrl = null;
    for (JsonNode target : JSON.readTree(list)) {
      if (target.path("type").asText().equals("page")) {
        pageUrl = target.path("webSocketDebuggerUrl").asText();
      }
    }
    DevTools[] self = new DevTools[1];
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          String message = text.toString();
          text.setLength(0);
          self[0].receive(message);
        }
        ws.request(1);
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    DevTools tools = new DevTools(p, socket);
    self[0] = tools;
    tools.call("Runtime.enable", Map.of());
    tools.call("Log.enable", Map.of());
    tools.call("Page.enable", Map.of());
    return tools;
  }

  private void receive(String message) {
    try {
      JsonNode n = JSON.readTree(message);
      if (n.has("id")) {
        CompletableFuture<JsonNode> f = waiting.remove(n.get("id").asInt());
        if (f != null) {
          f.complete(n);
        }
        return;
      }
      String method = n.path("method").asText();
      JsonNode params = n.path("params");
      if (method.equals("Runtime.exceptionThrown")) {
        errors.add("exception: " + params.path("exceptionDetails").toString());
      } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
        errors.add("console.error: " + params.path("args").toString());
      } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
        errors.add("log: " + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
      }
    } catch (IOException e) {
      errors.add("unreadable DevTools message: " + message);
    }
  }

  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode request = JSON.createObjectNode();
    request.put("id", id);
    request.put("method", method);
    request.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    socket.sendText(JSON.writeValueAsString(request), true).get(30, TimeUnit.SECONDS);
    JsonNode n = answer.get(60, TimeUnit.SECONDS);
    if (n.has("error")) {
      throw new IOException(method + ": " + n.get("error"));
    }
    return n.path("result");
  }

  void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a JavaScript expression in the page (null when undefined). */
  String eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IOException(expression + ": " + r.get("exceptionDetails"));
    }
    JsonNode v = r.path("result").path("value");
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static final long GUARD_NANOS = 60_000_000_000L;

  /**
   * Waits for {@code expression} to be true, up to a minute: a guard against a page that never
   * gets there, not a measurement (how fast the page updates is not a unit test's business).
   */
  boolean waitFor(String expression) throws Exception {
    long end = System.nanoTime() + GUARD_NANOS;
    while (System.nanoTime() < end) {
      // false while the page is still loading (no body yet)
      if ("true".equals(eval("(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()"))) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  void screenshot(Path file) throws Exception {
    JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.path("data").asText().getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      // Chromium's helpers (renderer, GPU, crash handler) outlive it for a moment and still write into the
      // profile, which JUnit then fails to delete on a loaded machine: listed before the parent goes, awaited after
      List<ProcessHandle> helpers = browser.descendants().toList();
      browser.destroy();
      if (!browser.waitFor(10, TimeUnit.SECONDS)) {
        browser.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        try {
          helper.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          helper.destroyForcibly();
        }
      }
    }
  }
}
