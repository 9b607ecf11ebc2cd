package dev.descent.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.descent.model.Model;
import dev.descent.model.Version;
import dev.descent.nn.Layer;
import dev.descent.tensor.Matrix;
import dev.descent.train.Evaluation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model behind HTTP/1.1 (the JDK's {@code com.sun.net.httpserver}, keep-alive, {@code threads}
 * workers). {@code POST /predict} with {@code Content-Type: application/json} and a {@link
 * RowsRequest} body answers {@code {"probabilities": [[p_0, p_1, …], …], "labels": [name, …]}}
 * ({@code descent predict}'s numbers; a binary model's rows are [1 − p, p]) or, for regression,
 * {@code {"predictions": [[…], …]}}; {@code GET /health} answers {@code {"status": "ok"}}; {@code
 * GET /model} the architecture, features, classes and training settings. Every refused request
 * is a 4xx with one line {@code {"error": "…"}}; an unexpected failure is a 500 with the same
 * shape and no stack trace, and the server goes on.
 *
 * <pre>{@code
 * try (PredictionServer s = PredictionServer.start(pool, "127.0.0.1", 0, 2, 10 << 20)) {
 *   // curl -d '{"rows": [[0.5, -1]]}' -H 'Content-Type: application/json' localhost:PORT/predict
 * }
 * }</pre>
 */
public final class PredictionServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService workers;
  private final ModelPool pool;
  private final RowsRequest rows;
  private final long maxBody;
  private final byte[] description;
  private final AtomicInteger failures = new AtomicInteger();

  private PredictionServer(HttpServer server, ExecutorService workers, ModelPool pool, long maxBody) {
    this.server = server;
    this.workers = workers;
    this.pool = pool;
    this.maxBody = maxBody;
    Model m = pool.model();
    this.rows = new RowsRequest(m.featureNames(), m.network().inputs());
    this.description = describe(m);
  }

  /**
   * Serves copies of one model ({@code copies}, one per worker) on {@code host:port} (port 0: any
   * free port, see {@link #port()}), refusing bodies over {@code maxBody} bytes.
   */
  public static PredictionServer start(java.util.List<Model> copies, String host, int port, long maxBody) throws IOException {
    // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every keep-alive response some 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 256);
    AtomicInteger n = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(copies.size(), r -> {
      Thread t = new Thread(r, "descent-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    PredictionServer s = new PredictionServer(http, workers, new ModelPool(copies), maxBody);
    http.createContext("/", s::handle);
    http.setExecutor(workers);
    http.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests answered with a 500 so far (a bug, reported to the client as one line). */
  public int failures() {
    return failures.get();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      switch (path) {
        case "/predict" -> {
          if (!method.equals("POST")) {
            error(ex, 405, "/predict takes POST with a JSON body {\"rows\": [...]}, not " + method);
          } else {
            predict(ex);
          }
        }
        case "/health", "/model" -> {
          if (!method.equals("GET")) {
            error(ex, 405, path + " takes GET, not " + method);
          } else {
            send(ex, 200, path.equals("/health") ? "{\"status\":\"ok\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8) : description);
          }
        }
        default -> error(ex, 404, "no such resource " + path + "; the server has POST /predict, GET /health and GET /model");
      }
    } catch (RuntimeException | Error e) {
      failures.incrementAndGet();
      error(ex, 500, "internal error: " + e);
    }
  }

  private void predict(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
      error(ex, 400, "Content-Type is " + (type == null ? "missing" : "'" + type + "'") + "; send application/json");
      return;
    }
    byte[] body = body(ex);
    if (body == null) {
      error(ex, 400, "request body over " + maxBody + " bytes; send fewer rows per request or raise --max-body");
      return;
    }
    Matrix x;
    try {
      x = rows.parse(body);
    } catch (IllegalArgumentException e) {
      error(ex, 400, e.getMessage());
      return;
    }
    Matrix out;
    try {
      out = pool.predict(x);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(ex, 503, "the server is stopping");
      return;
    }
    send(ex, 200, answer(pool.model(), out));
  }

  /** The body, or null when it is longer than {@link #maxBody}. */
  private byte[] body(HttpExchange ex) throws IOException {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBody) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;   // the JDK server refuses a bad Content-Length before this
      }
    }
    InputStream in = ex.getRequestBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int r; (r = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, r);
      if (out.size() > maxBody) {
        return null;
      }
    }
    return out.toByteArray();
  }

  static byte[] answer(Model m, Matrix out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + out.size() * 24);
    try (JsonGenerator g = RowsRequest.JSON.getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      boolean classifier = !m.classNames().isEmpty();
      g.writeArrayFieldStart(classifier ? "probabilities" : "predictions");
      for (int i = 0; i < out.rows(); i++) {
        g.writeStartArray();
        if (classifier && out.cols() == 1) {
          g.writeNumber(1 - out.get(i, 0));
        }
        for (int j = 0; j < out.cols(); j++) {
          g.writeNumber(out.get(i, j));
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      if (classifier) {
        g.writeArrayFieldStart("labels");
        for (int i = 0; i < out.rows(); i++) {
          g.writeString(m.classNames().get(Evaluation.predictedClass(out, i)));
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static byte[] describe(Model m) {
    ObjectNode root = RowsRequest.JSON.createObjectNode();
    root.put("descent_version", Version.CURRENT);
    root.put("inputs", m.network().inputs());
    root.put("outputs", m.network().outputs());
    root.put("loss", m.network().loss().label());
    root.put("precision", m.network().precision().name());
    var layers = root.putArray("layers");
    for (Layer l : m.network().layers()) {
      layers.addObject().put("kind", l.spec().kind()).set("settings", RowsRequest.JSON.valueToTree(l.spec().settings()));
    }
    root.set("features", RowsRequest.JSON.valueToTree(m.featureNames()));
    root.set("classes", RowsRequest.JSON.valueToTree(m.classNames()));
    root.put("standardized", m.standardizer() != null);
    root.set("training", RowsRequest.JSON.valueToTree(m.settings()));
    try {
      return (RowsRequest.JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("a model's description is plain JSON", e);
    }
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    ObjectNode e = RowsRequest.JSON.createObjectNode().put("error", message);
    send(ex, status, (RowsRequest.JSON.writeValueAsString(e) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
