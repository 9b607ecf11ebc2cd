package dev.descent.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The dashboard's HTTP server, on the JDK's own server as {@code descent serve} is (see
 * docs/design.md). Read-only: GET and HEAD only. Routes:
 *
 * <pre>
 * /                        the page (dashboard.html, .js, .css and uPlot from the jar)
 * /api/runs                the runs under the directories, rescanned on every call
 * /api/history?run=ID      a run's rows, downsampled to at most 2 000 (each bucket keeps its lowest and highest train cost)
 * /api/events?run=ID&from=N  server-sent events: every line appended to the run's history.jsonl after line N
 * /api/search?run=ID       a search's trials (its journal) and summary (search-summary.json, with the best command)
 * /files/ID/NAME           a PNG, CSV or JSON file of a run, by name only
 * </pre>
 *
 * Files are served only by a run's id and a plain file name, and only when the file's real path
 * (symbolic links resolved) lies under the real path of the watched directory: {@code ..},
 * {@code %2e%2e}, absolute paths and links that leave the directories are 404.
 */
public final class Dashboard implements AutoCloseable {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** At most this many points per series reach the page. */
  static final int MAX_POINTS = 2000;
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(png|csv|json|jsonl)");
  private static final long POLL_MILLIS = 200;
  /** Live streams at a time; each holds a thread. */
  private static final int MAX_STREAMS = 64;

  private final List<Path> roots;
  private final HttpServer server;
  private final ExecutorService pool;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private volatile boolean closed;

  private Dashboard(List<Path> roots, HttpServer server, ExecutorService pool) {
    this.roots = roots;
    this.server = server;
    this.pool = pool;
  }

  /** Listens on {@code host:port} (0: any free port); a port in use is a {@link java.net.BindException}. */
  public static Dashboard start(List<Path> roots, String host, int port) throws IOException {
    List<Path> absolute = new ArrayList<>();
    for (Path r : roots) {
      absolute.add(r.toAbsolutePath().normalize());
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "descent-dashboard");
      t.setDaemon(true);
      return t;
    });
    Dashboard d = new Dashboard(List.copyOf(absolute), server, pool);
    server.createContext("/", d::handle);
    server.setExecutor(pool);
    server.start();
    return d;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Security-Policy", CSP);
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(ex, 405, "text/plain", "read-only: GET and HEAD only\n");
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      switch (path) {
        case "/", "/index.html" -> resource(ex, "dashboard.html", "text/html; charset=utf-8");
        case "/static/dashboard.js" -> resource(ex, "dashboard.js", "text/javascript; charset=utf-8");
        case "/static/dashboard.css" -> resource(ex, "dashboard.css", "text/css; charset=utf-8");
        case "/static/uplot.js" -> webjar(ex, "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8");
        case "/static/uplot.css" -> webjar(ex, "dist/uPlot.min.css", "text/css; charset=utf-8");
        case "/favicon.ico" -> send(ex, 204, "image/x-icon", new byte[0]);   // none, and no 404 in the console
        case "/api/runs" -> send(ex, 200, "application/json", Api.runs(RunScan.scan(roots)));
        case "/api/history" -> withRun(ex, query, run -> send(ex, 200, "application/json", Api.history(run.directory(), MAX_POINTS)));
        case "/api/search" -> withRun(ex, query, run -> send(ex, 200, "application/json", Api.search(run.directory())));
        case "/api/events" -> withRun(ex, query, run -> events(ex, run.directory(), number(query.get("from"))));
        default -> {
          if (path.startsWith("/files/")) {
            file(ex, path.substring("/files/".length()));
          } else {
            notFound(ex);
          }
        }
      }
    } catch (IOException e) {
      // the browser went away mid-response (a closed tab, a reload): nothing left to answer
    } catch (RuntimeException e) {
      // a run deleted or rewritten while being read: answer, keep serving
      if (!closed) {
        try {
          send(ex, 500, "text/plain", "error: " + e.getMessage() + "\n");
        } catch (IOException | RuntimeException ignored) {
          // headers already sent (an event stream): the connection closes
        }
      }
    }
  }

  private interface RunHandler {
    void accept(RunScan.Run run) throws IOException;
  }

  private void withRun(HttpExchange ex, Map<String, String> query, RunHandler handler) throws IOException {
    Optional<RunScan.Run> run = find(query.get("run"));
    if (run.isEmpty()) {
      notFound(ex);
    } else {
      handler.accept(run.get());
    }
  }

  private Optional<RunScan.Run> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return RunScan.scan(roots).stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** {@code ID/NAME}: a known run and a plain file name in its folder that really is under the watched root. */
  private void file(HttpExchange ex, String rawRest) throws IOException {
    String rest;
    try {
      rest = URLDecoder.decode(rawRest.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      notFound(ex);   // a malformed escape such as %zz
      return;
    }
    int slash = rest.lastIndexOf('/');
    if (slash <= 0) {
      notFound(ex);
      return;
    }
    String name = rest.substring(slash + 1);
    Optional<RunScan.Run> run = find(rest.substring(0, slash));
    if (run.isEmpty() || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
      notFound(ex);
      return;
    }
    Path dir = run.get().directory();
    Path file = dir.resolve(name);
    int rootIndex = Integer.parseInt(run.get().id().split("/", 2)[0]);
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(roots.get(rootIndex).toRealPath()) || !Files.isRegularFile(real)) {
        notFound(ex);
        return;
      }
    } catch (IOException e) {
      notFound(ex);
      return;
    }
    String type = name.endsWith(".png") ? "image/png" : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json";
    send(ex, 200, type, Files.readAllBytes(real));
  }

  /** Server-sent events: each complete line appended after line {@code from}, within {@value #POLL_MILLIS} ms. */
  private void events(HttpExchange ex, Path dir, long from) throws IOException {
    if (!streams.tryAcquire()) {
      send(ex, 503, "text/plain", "too many live streams (" + MAX_STREAMS + "); close some tabs\n");
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      Path file = dir.resolve(HistoryLog.JSONL);
      long offset = 0;
      long line = 0;
      long lastBeat = System.nanoTime();
      StringBuilder partial = new StringBuilder();
      while (!closed) {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size < offset) {   // rewritten (a resume starts the file afresh): start over
          offset = 0;
          line = 0;
          partial.setLength(0);
        }
        if (size > offset) {
          byte[] bytes;
          try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(offset);
            bytes = new byte[(int) Math.min(size - offset, 1 << 22)];
            f.readFully(bytes);
          }
          offset += bytes.length;
          partial.append(new String(bytes, StandardCharsets.UTF_8));
          int nl;
          StringBuilder batch = new StringBuilder();
          while ((nl = partial.indexOf("\n")) >= 0) {
            String text = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            line++;
            if (line > from && isRow(text)) {
              batch.append("data: ").append(text).append("\n\n");
            }
          }
          if (batch.length() > 0) {
            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
        if (System.nanoTime() - lastBeat > 15_000_000_000L) {
          out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));   // finds a closed tab
          out.flush();
          lastBeat = System.nanoTime();
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      streams.release();
    }
  }

  private static boolean isRow(String text) {
    try {
      HistoryFile.parse(text);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;   // a corrupt line: the page skips it as every reader does
    }
  }

  private void resource(HttpExchange ex, String name, String type) throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("dashboard resource " + name + " is missing from the jar");
      }
      send(ex, 200, type, in.readAllBytes());
    }
  }

  /** uPlot from its WebJar, found by the version the jar carries (one place: the pom). */
  private void webjar(HttpExchange ex, String file, String type) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = Dashboard.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new AssertionError("uPlot's WebJar is not on the class path");
      }
      p.load(in);
    }
    try (InputStream in = Dashboard.class.getResourceAsStream("/META-INF/resources/webjars/uplot/" + p.getProperty("version") + "/" + file)) {
      if (in == null) {
        throw new AssertionError("uPlot's " + file + " is missing from its WebJar");
      }
      ex.getResponseHeaders().set("Cache-Control", "max-age=86400");
      send(ex, 200, type, in.readAllBytes());
    }
  }

  private static void notFound(HttpExchange ex) throws IOException {
    send(ex, 404, "text/plain", "not found\n");
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static long number(String s) {
    try {
      return s == null ? 0 : Math.max(0, Long.parseLong(s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
