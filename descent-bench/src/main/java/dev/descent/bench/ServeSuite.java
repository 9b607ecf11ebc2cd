package dev.descent.bench;

import dev.descent.cli.serve.PredictionServer;
import dev.descent.data.Standardizer;
import dev.descent.model.Model;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Blas;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code descent bench serve}: {@code descent serve}'s server in this process, on 127.0.0.1 with
 * one worker per core, serving a 20-feature [64, 32, 3] softmax model; keep-alive clients
 * ({@link HttpLoad}) on the same machine send the same request in a loop for 10 s after 3 s of
 * warm-up ({@code --quick}: 2 s after 1 s). Results: {@code serve-1row-c1} and {@code
 * serve-1row-c4} (p99 latency in ms of 1-row requests from 1 and 4 clients) and {@code
 * serve-256rows-c2} (rows/s in 256-row requests from 2 clients), each with p50, p99 and
 * requests/s. The clients share the cores with the server, as a sidecar would.
 */
final class ServeSuite implements Suite {
  static final int FEATURES = 20;

  /** One load: {@code clients} connections sending {@code rows}-row requests. */
  record Load(String name, int rows, int clients) {}

  static final List<Load> LOADS = List.of(new Load("serve-1row-c1", 1, 1), new Load("serve-1row-c4", 1, 4),
      new Load("serve-256rows-c2", 256, 2));

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "descent serve, " + FEATURES + "-feature [64,32,3] softmax model, " + settings.threads()
        + " workers; 1-row requests from 1 and 4 clients, 256-row requests from 2; " + seconds(settings) + " s each after "
        + (settings.quick() ? 1 : 3) + " s warm-up";
  }

  private static int seconds(BenchSettings s) {
    return s.quick() ? 2 : 10;
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    Blas.setThreads(1);   // as descent serve: the workers are the parallelism
    List<Model> copies = new ArrayList<>();
    for (int i = 0; i < settings.threads(); i++) {
      copies.add(model());
    }
    List<BenchResult> results = new ArrayList<>();
    try (PredictionServer server = PredictionServer.start(copies, "127.0.0.1", 0, 10 << 20)) {
      for (Load load : LOADS) {
        log.printf("bench serve: %s (%d row(s) a request, %d client(s)) …%n", load.name(), load.rows(), load.clients());
        log.flush();
        run(server.port(), load, settings.quick() ? 1 : 3, 0);   // warm-up
        long[] nanos = run(server.port(), load, seconds(settings), 1 << 22);
        results.add(result(load, nanos, seconds(settings), server.failures()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench serve: " + e.getMessage(), e);
    }
    return results;
  }

  /** Identical copies of a seeded model; its rows are standardized features of a fixed seed. */
  static Model model() {
    Network net = Network.builder(FEATURES, Precision.F32, Rng.of(11)).dense(64, Init.he()).activation(Activation.RELU)
        .dense(32, Init.he()).activation(Activation.RELU).dense(3, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    double[] mean = new double[FEATURES];
    double[] std = new double[FEATURES];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) {
      mean[j] = j;
      std[j] = 1 + j * 0.1;
      names.add("f" + (j + 1));
    }
    return new Model(net, new Standardizer(mean, std), List.of("a", "b", "c"), names, Map.of());
  }

  static String body(int rows) {
    Rng rng = Rng.of(5);
    StringBuilder b = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < rows; i++) {
      b.append(i == 0 ? "[" : ", [");
      for (int j = 0; j < FEATURES; j++) {
        b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", j + rng.nextDouble() * 2 - 1));
      }
      b.append(']');
    }
    return b.append("]}").toString();
  }

  /** Every request's latency in ns (up to {@code keep} of them), from {@code load.clients()} clients for {@code seconds}. */
  static long[] run(int port, Load load, int seconds, int keep) {
    String body = body(load.rows());
    ExecutorService clients = Executors.newFixedThreadPool(load.clients());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> done = new ArrayList<>();
    for (int c = 0; c < load.clients(); c++) {
      done.add(clients.submit(() -> {
        long[] nanos = new long[Math.max(1, keep / load.clients())];
        int n = 0;
        try (HttpLoad http = new HttpLoad(port, "/predict", body)) {
          for (long t = System.nanoTime(); t < end; ) {
            int status = http.send();
            long after = System.nanoTime();
            if (status != 200) {
              throw new IllegalStateException("bench serve: the server answered " + status);
            }
            if (n < nanos.length) {
              nanos[n++] = after - t;
            }
            t = after;
          }
        }
        return Arrays.copyOf(nanos, n);
      }));
    }
    List<long[]> parts = new ArrayList<>();
    try {
      for (Future<long[]> f : done) {
        parts.add(f.get());
      }
    } catch (Exception e) {
      throw new IllegalStateException("bench serve: a client failed: " + e.getMessage(), e);
    } finally {
      clients.shutdownNow();
    }
    return parts.stream().flatMapToLong(Arrays::stream).toArray();
  }

  static BenchResult result(Load load, long[] nanos, int seconds, int failures) {
    Arrays.sort(nanos);
    double p50 = nanos[nanos.length / 2] / 1e6;
    double p99 = nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6;
    double perSecond = nanos.length / (double) seconds;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rows_per_request", load.rows());
    details.put("clients", load.clients());
    details.put("requests", nanos.length);
    details.put("requests_per_second", perSecond);
    details.put("rows_per_second", perSecond * load.rows());
    details.put("p50_ms", p50);
    details.put("p99_ms", p99);
    details.put("server_failures", failures);
    return load.rows() == 1 ? new BenchResult(load.name(), p99, "ms (p99)", details)
        : new BenchResult(load.name(), perSecond * load.rows(), "rows/s", details);
  }
}
