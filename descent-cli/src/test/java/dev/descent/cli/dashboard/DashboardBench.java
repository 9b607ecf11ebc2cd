package dev.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.report.Chromium;
import dev.descent.tensor.Rng;
import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryRow;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard at scale, a benchmark and not a test (it asserts what the page shows, never how
 * fast): 100 runs × 10 000 epochs (three layers, gradient norms every 10th epoch, as the history
 * writes them on probe epochs), the server started over them, and headless Chromium over the
 * DevTools protocol measuring
 *
 * <ul>
 *   <li>time to first paint: navigation start to the frame after the page drew the charts of all
 *       the runs it shows ({@code performance.now()} there), with all 100 runs overlaid and with
 *       one run of the 100, in interleaved rounds, the server's cache warm and (once) cold;
 *   <li>live latency: an epoch line appended to one shown run, until the page has drawn it
 *       ({@code Date.now()} in the page against the writer's clock, one machine);
 *   <li>the server's summaries' bytes, against the 250 MB of history files.
 * </ul>
 *
 * Run with {@code ./mvnw -B -ntp -o test -pl descent-core,descent-cli -Dtest=DashboardBench
 * -Dbench.dashboard=true -Dsurefire.failIfNoSpecifiedTests=false}; figures on stdout and in
 * target/dashboard-bench.txt. Say the load ({@code uptime}) beside them.
 */
@EnabledIfSystemProperty(named = "bench.dashboard", matches = "true")
class DashboardBench {
  static final int RUNS = 100;
  static final int EPOCHS = 10_000;
  static final int ROUNDS = 5;

  @TempDir
  Path root;
  @TempDir
  Path scratch;

  @Test
  void hundredRunsOfTenThousandEpochs() throws Exception {
    Optional<Path> chromium = Chromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), Chromium.MISSING);
    long bytes = generate();
    List<String> report = new ArrayList<>();
    report.add(String.format("dashboard bench: %d runs x %d epochs, %.0f MB of history.jsonl; load %s", RUNS, EPOCHS, bytes / 1e6, load()));
    StringBuilder all = new StringBuilder("?");
    for (int r = 0; r < RUNS; r++) {
      all.append(r == 0 ? "" : "&").append("run=0/").append(name(r));
    }
    String one = "?run=0/" + name(42);
    try (DevTools browser = DevTools.open(chromium.get(), scratch)) {
      // cold: the server just started, its cache empty
      long started = System.nanoTime();
      Dashboard dashboard = Dashboard.start(List.of(root), "127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + dashboard.port() + "/";
        double cold = firstPaint(browser, base + all);
        report.add(String.format("cold (server started %.2f s before the page asked): all %d runs overlaid, first paint %.0f ms",
            (System.nanoTime() - started) / 1e9 - cold / 1e3, RUNS, cold));
        while (dashboard.warming()) {
          Thread.sleep(50);
        }
        report.add(String.format("cache warm %.1f s after start; summaries hold %.1f MB", (System.nanoTime() - started) / 1e9,
            dashboard.cachedBytes() / 1e6));
        double[] overlaid = new double[ROUNDS];
        double[] single = new double[ROUNDS];
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
          overlaid[i] = firstPaint(browser, base + all);
          parts.add(browser.eval("(() => { const h = performance.getEntriesByType('resource').find(e => e.name.includes('/api/histories'));"
              + " return Math.round(h.startTime) + '+' + Math.round(h.duration) + ' ms, ' + Math.round(h.encodedBodySize / 1e3) + ' kB, drawn in '"
              + " + document.body.dataset.renderMillis + ' ms'; })()"));
          single[i] = firstPaint(browser, base + one);
        }
        report.add("warm, first paint, all " + RUNS + " runs overlaid: median " + median(overlaid) + " ms of " + Arrays.toString(overlaid));
        report.add("  of which /api/histories (start+duration, size) and the charts' drawing: " + String.join("; ", parts));
        report.add("warm, first paint, one run of " + RUNS + ": median " + median(single) + " ms of " + Arrays.toString(single));
        firstPaint(browser, base + all);
        report.add("points in the cost chart with all runs: " + browser.eval("document.body.dataset.points")
            + ", per series about " + browser.eval("state.data.get('0/" + name(0) + "').epoch.length"));
        double[] live = new double[10];
        Path file = root.resolve(name(42)).resolve("history.jsonl");
        for (int i = 0; i < live.length; i++) {
          int epoch = EPOCHS + 1 + i;
          browser.eval("window.seenAt = 0; new MutationObserver((m, o) => { if (document.body.dataset.lastEpoch === '" + epoch
              + "') { window.seenAt = Date.now(); o.disconnect(); } }).observe(document.body, {attributes: true})");
          Thread.sleep(300 + 97 * i);   // a phase that walks across the server's 200 ms poll
          long written = System.currentTimeMillis();
          Files.writeString(file, HistoryFile.json(HistoryRow.basic(epoch, 0.01, 0.02, 0.9)) + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.APPEND);
          assertTrue(browser.waitFor("window.seenAt > 0"), "epoch " + epoch + " never drawn");
          live[i] = Long.parseLong(browser.eval("String(window.seenAt)")) - written;
        }
        report.add("live: appended epoch to drawn, all runs overlaid: median " + median(live) + " ms, max "
            + Arrays.stream(live).max().orElse(0) + " ms of " + Arrays.toString(live));
        assertEquals(List.of(), browser.errors);
      } finally {
        dashboard.close();
      }
    }
    report.add("load after: " + load());
    String text = String.join("\n", report) + "\n";
    System.out.print(text);
    Files.writeString(Path.of("target", "dashboard-bench.txt"), text);
  }

  private static String name(int r) {
    return String.format("run%03d", r);
  }

  /** Navigates and returns the page's first paint of all its runs, ms from navigation start. */
  private static double firstPaint(DevTools browser, String url) throws Exception {
    browser.navigate("about:blank");
    browser.navigate(url);
    if (!browser.waitFor("document.body.dataset.firstPaint")) {
      StringBuilder threads = new StringBuilder();
      Thread.getAllStackTraces().forEach((t, stack) -> {
        if (t.getName().startsWith("descent-dashboard") || t.getName().contains("HTTP")) {
          threads.append(t.getName()).append(' ').append(t.getState()).append(' ').append(stack.length > 0 ? stack[0] : "").append(" < ")
              .append(stack.length > 3 ? stack[3] : "").append('\n');
        }
      });
      throw new AssertionError("never painted: " + url + "; page " + browser.eval("JSON.stringify([document.readyState, document.body?.dataset, "
          + "performance.getEntries().map(e => e.entryType + ' ' + e.name.slice(-30) + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration))])")
          + "\nerrors: " + browser.errors + "\nserver threads:\n" + threads);
    }
    double ms = Math.round(Double.parseDouble(browser.eval("document.body.dataset.firstPaint")));
    if (ms > 1000) {   // say where the time went
      System.out.println("slow first paint " + ms + " ms (charts drawn in " + browser.eval("document.body.dataset.renderMillis") + " ms) of " + url.substring(0, Math.min(80, url.length())) + ": " + browser.eval(
          "JSON.stringify(performance.getEntries().map(e => e.entryType + ' ' + e.name.slice(-40) + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration)))"));
    }
    return ms;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  /** 100 runs: costs decaying with noise (and a spike now and then), three layers' norms every 10th epoch; seeded. */
  private long generate() throws Exception {
    long bytes = 0;
    for (int r = 0; r < RUNS; r++) {
      Rng rng = Rng.of(r);
      Path dir = Files.createDirectories(root.resolve(name(r)));
      Path file = dir.resolve("history.jsonl");
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        double lr = 1e-3 * (1 + r % 5);
        for (int e = 1; e <= EPOCHS; e++) {
          double cost = 0.7 * Math.exp(-e / (2000.0 + 30 * r)) + 0.05 + 0.01 * rng.nextGaussian() + (rng.nextInt(500) == 0 ? 0.5 : 0);
          double dev = cost + 0.02 + 0.01 * rng.nextGaussian();
          boolean probe = e % 10 == 0 || e == 1;
          double[] norms = probe ? new double[] {0.1 * cost, 0.2 * cost, 0.3 * cost} : new double[0];
          double[] ratios = probe ? new double[] {1e-3, 2e-3, 3e-3} : new double[0];
          out.write(HistoryFile.json(new HistoryRow(e, e * 0.01, lr, cost, probe ? 1 - cost / 2 : Double.NaN, dev, 1 - dev / 2, 0, norms, ratios)));
          out.write('\n');
        }
      }
      bytes += Files.size(file);
    }
    return bytes;
  }
}
