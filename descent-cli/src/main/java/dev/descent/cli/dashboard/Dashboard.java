package dev.descent.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.descent.train.HistoryLog;
import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The dashboard's HTTP server, on the JDK's own server as {@code descent serve} is (see
 * docs/design.md). Read-only: GET and HEAD only. Routes:
 *
 * <pre>
 * /                        the page (dashboard.html, dashboard.js, search.js, dashboard.css and uPlot from the jar)
 * /api/runs                the runs under the directories, rescanned on every call
 * /api/history?run=ID&points=N  a run's series as columns, at most about N points each (default 2 000):
 *                          per bucket of epochs each series' lowest and highest value (see SeriesSummary)
 * /api/histories?run=ID&run=ID…&points=N  the same for several runs at once, {"ID": columns, …} (unknown ones left out):
 *                          a page that opens with many runs asks once, not once a run
 * /api/events?run=ID&from=B[&run=ID&from=B…]  server-sent events, one stream for all the page's runs:
 *                          every row appended to each run's history.jsonl after byte B, as {"run":ID,"row":{…}}
 * /api/search?run=ID       a search's trials (its journal, with each trial's curve), summary (search-summary.json,
 *                          with the best command), parameter scales and importance (see Importance)
 * /files/ID/NAME           a PNG, CSV or JSON file of a run, by name only
 * </pre>
 *
 * Files are served only by a run's id and a plain file name, and only when the file's real path
 * (symbolic links resolved) lies under the real path of the watched directory: {@code ..},
 * {@code %2e%2e}, absolute paths and links that leave the directories are 404.
 *
 * <p>Memory is bounded: a run's history is held only as its {@link SeriesSummary} (at most 1 024
 * buckets a series, whatever the run's length) in a {@link SeriesCache} of at most
 * {@value SeriesCache#BUDGET_BYTES} bytes, least recently used dropped first; the cache is warmed
 * in the background as runs are found, so that a page over many long runs paints at once.
 */
public final class Dashboard implements AutoCloseable {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** Points per series when the page does not say (it asks for about two per pixel of its charts). */
  static final int MAX_POINTS = 2000;
  /** The most points per series the page may ask for. */
  static final int MOST_POINTS = 8192;
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(png|csv|json|jsonl)");
  private static final long POLL_MILLIS = 200;
  /** Live streams at a time; each holds a thread. */
  private static final int MAX_STREAMS = 64;

  private final List<Path> roots;
  private final HttpServer server;
  private final ExecutorService pool;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private final SeriesCache series = new SeriesCache(SeriesCache.BUDGET_BYTES);
  private final SearchCache searches = new SearchCache();
  /** Reads runs into the cache in the background, a run per core at a time. */
  private final ExecutorService warmer;
  private final Set<Path> warming = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private Dashboard(List<Path> roots, HttpServer server, ExecutorService pool) {
    this.roots = roots;
    this.server = server;
    this.pool = pool;
    this.warmer = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
      Thread t = new Thread(r, "descent-dashboard-warm");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
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
    d.warm(RunScan.scan(d.roots));
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
    warmer.shutdownNow();
  }

  /** Whether runs are still being read into the cache (the dashboard bench waits for it). */
  boolean warming() {
    return !warming.isEmpty();
  }

  /** Bytes of run summaries held. */
  long cachedBytes() {
    return series.bytes();
  }

  /** Queues the runs the cache does not hold yet (at most what it can hold). */
  private void warm(List<RunScan.Run> runs) {
    for (RunScan.Run r : runs) {
      if (closed || warming.size() >= 4096) {
        return;
      }
      Path dir = r.directory();
      if (!r.kind().equals("search") && !series.contains(dir) && warming.add(dir)) {
        warmer.execute(() -> {
          try {
            if (!closed) {
              series.warm(dir);
            }
          } catch (IOException | RuntimeException e) {
            // deleted or unreadable: the page's own request says so when it asks
          } finally {
            warming.remove(dir);
          }
        });
      }
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Security-Policy", CSP);
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        Responses.send(ex, 405, "text/plain", "read-only: GET and HEAD only\n");
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      Map<String, List<String>> query = Query.parse(ex.getRequestURI().getRawQuery());
      switch (path) {
        case "/", "/index.html" -> Responses.resource(ex, "dashboard.html", "text/html; charset=utf-8");
        case "/static/dashboard.js" -> Responses.resource(ex, "dashboard.js", "text/javascript; charset=utf-8");
        case "/static/search.js" -> Responses.resource(ex, "search.js", "text/javascript; charset=utf-8");
        case "/static/dashboard.css" -> Responses.resource(ex, "dashboard.css", "text/css; charset=utf-8");
        case "/static/uplot.js" -> Responses.webjar(ex, "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8");
        case "/static/uplot.css" -> Responses.webjar(ex, "dist/uPlot.min.css", "text/css; charset=utf-8");
        case "/favicon.ico" -> Responses.send(ex, 204, "image/x-icon", new byte[0]);   // none, and no 404 in the console
        case "/api/runs" -> {
          List<RunScan.Run> runs = RunScan.scan(roots);
          Responses.send(ex, 200, "application/json", Api.runs(runs));
          warm(runs);
        }
        case "/api/history" -> withRun(ex, Query.first(query, "run"), run -> Responses.send(ex, 200, "application/json",
            series.json(run.directory(), (int) Math.min(MOST_POINTS, Query.number(Query.first(query, "points"), MAX_POINTS)))));
        case "/api/histories" -> Responses.send(ex, 200, "application/json", histories(query.getOrDefault("run", List.of()),
            (int) Math.min(MOST_POINTS, Query.number(Query.first(query, "points"), MAX_POINTS))));
        case "/api/search" -> withRun(ex, Query.first(query, "run"), run -> Responses.send(ex, 200, "application/json", searches.json(run.directory())));
        case "/api/events" -> events(ex, query);
        default -> {
          if (path.startsWith("/files/")) {
            file(ex, path.substring("/files/".length()));
          } else {
            Responses.notFound(ex);
          }
        }
      }
    } catch (IOException e) {
      // the browser went away mid-response (a closed tab, a reload): nothing left to answer
    } catch (RuntimeException e) {
      // a run deleted or rewritten while being read: answer, keep serving
      if (!closed) {
        try {
          Responses.send(ex, 500, "text/plain", "error: " + e.getMessage() + "\n");
        } catch (IOException | RuntimeException ignored) {
          // headers already sent (an event stream): the connection closes
        }
      }
    }
  }

  private String histories(List<String> ids, int points) throws IOException {
    Map<String, Path> known = new LinkedHashMap<>();
    for (RunScan.Run r : RunScan.scan(roots)) {
      known.put(r.id(), r.directory());
    }
    StringBuilder sb = new StringBuilder("{");
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      Path dir = known.get(id);
      if (dir != null) {
        sb.append(sb.length() == 1 ? "" : ",").append(HistoryTail.quote(id)).append(':').append(series.json(dir, points));
      }
    }
    return sb.append('}').toString();
  }

  private interface RunHandler {
    void accept(RunScan.Run run) throws IOException;
  }

  private void withRun(HttpExchange ex, String id, RunHandler handler) throws IOException {
    Optional<RunScan.Run> run = find(id);
    if (run.isEmpty()) {
      Responses.notFound(ex);
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
      Responses.notFound(ex);   // a malformed escape such as %zz
      return;
    }
    int slash = rest.lastIndexOf('/');
    if (slash <= 0) {
      Responses.notFound(ex);
      return;
    }
    String name = rest.substring(slash + 1);
    Optional<RunScan.Run> run = find(rest.substring(0, slash));
    if (run.isEmpty() || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
      Responses.notFound(ex);
      return;
    }
    Path dir = run.get().directory();
    Path file = dir.resolve(name);
    int rootIndex = Integer.parseInt(run.get().id().split("/", 2)[0]);
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(roots.get(rootIndex).toRealPath()) || !Files.isRegularFile(real)) {
        Responses.notFound(ex);
        return;
      }
    } catch (IOException e) {
      Responses.notFound(ex);
      return;
    }
    String type = name.endsWith(".png") ? "image/png" : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json";
    Responses.send(ex, 200, type, Files.readAllBytes(real));
  }

  /**
   * Server-sent events for every run the page shows, in one stream (a browser opens at most six
   * connections to a host: one stream per run would starve the page's other requests): each
   * complete row appended after byte {@code from} of each run's history, within {@value
   * #POLL_MILLIS} ms. Unknown runs are left out.
   */
  private void events(HttpExchange ex, Map<String, List<String>> query) throws IOException {
    List<String> ids = query.getOrDefault("run", List.of());
    List<String> froms = query.getOrDefault("from", List.of());
    List<HistoryTail> tails = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Optional<RunScan.Run> run = find(ids.get(i));
      if (run.isPresent()) {
        tails.add(new HistoryTail(ids.get(i), run.get().directory().resolve(HistoryLog.JSONL), Query.number(i < froms.size() ? froms.get(i) : null, 0)));
      }
    }
    if (tails.isEmpty()) {
      Responses.notFound(ex);
      return;
    }
    if (!streams.tryAcquire()) {
      Responses.send(ex, 503, "text/plain", "too many live streams (" + MAX_STREAMS + "); close some tabs\n");
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      ex.sendResponseHeaders(200, 0);
      HistoryTail.stream(ex.getResponseBody(), tails, () -> closed, POLL_MILLIS);
    } finally {
      streams.release();
    }
  }
}
