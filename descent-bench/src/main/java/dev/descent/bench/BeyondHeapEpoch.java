package dev.descent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import dev.descent.data.generate.ConvertedFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code npy-epoch-beyond-heap}: one epoch of {@code descent train} in a child JVM whose heap
 * ({@value #HEAP_MIB} MiB) is far smaller than the mapped file it streams, seconds from start to
 * exit (JVM start, the standardizer's pass over the training rows, the epoch, the dev and test
 * evaluations), with the peak RssAnon sampled meanwhile: the memory the process itself owns (heap,
 * JIT, OpenBLAS), which must stay bounded (≤ {@value #RSS_ANON_BOUND_MIB} MiB) however large the
 * file; the mapped pages count as RssFile, the kernel's to drop. A small network keeps the epoch
 * bound by reading and gathering rather than by the products.
 */
final class BeyondHeapEpoch {
  static final int HEAP_MIB = 256;
  static final int RSS_ANON_BOUND_MIB = 400;
  static final int FEATURES = 784;
  static final int HIDDEN = 32;
  static final int BATCH = 1024;
  /** 1.1 GiB of float32 features, over four times the child's heap. */
  static final int EXAMPLES = 375_000;
  /** --quick: a 61 MiB file, within the heap: it checks the machinery, not the bound. */
  static final int QUICK_EXAMPLES = 20_000;

  private BeyondHeapEpoch() {}

  static int examples(BenchSettings s) {
    return s.epochExamples() != null ? s.epochExamples() : s.quick() ? QUICK_EXAMPLES : EXAMPLES;
  }

  static BenchResult run(BenchSettings settings, Path tmp, PrintWriter log) throws IOException, InterruptedException {
    int m = examples(settings);
    double fileMib = 4.0 * m * FEATURES / (1 << 20);
    log.printf("bench data: writing a converted directory of %d × %d float32 (%.0f MiB) …%n", m, FEATURES, fileMib);
    log.flush();
    Path dir = ConvertedFixture.write(tmp.resolve("epoch"), m, FEATURES, 10);
    List<String> args = List.of("train", "--data", dir.toString(), "--stream", "always", "--hidden",
        Integer.toString(HIDDEN), "--epochs", "1", "--batch-size", Integer.toString(BATCH), "--split", "98,1,1",
        "--out", tmp.resolve("epoch-out").toString(), "--json");
    log.printf("bench data: descent %s (child JVM, -Xmx%dm) …%n", String.join(" ", args), HEAP_MIB);
    log.flush();
    ChildJvm.Run run = ChildJvm.run(List.of("-Xmx" + HEAP_MIB + "m"), Main.class.getName(), args, tmp);
    JsonNode json = new ObjectMapper().readTree(run.stdoutOrThrow("descent train on " + dir));
    double anonMib = run.peakRssAnonKib() / 1024.0;
    log.printf("bench data: one epoch over %.0f MiB: %.1f s, peak RssAnon %.0f MiB (bound %d)%n", fileMib,
        run.seconds(), anonMib, RSS_ANON_BOUND_MIB);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("examples_per_s", m / run.seconds());
    d.put("mb_per_s", 4.0 * m * FEATURES / 1e6 / run.seconds());
    d.put("peak_rss_anon_mib", anonMib);
    d.put("rss_anon_bound_mib", (double) RSS_ANON_BOUND_MIB);
    d.put("within_bound", anonMib <= RSS_ANON_BOUND_MIB);
    d.put("peak_rss_mib", run.peakHwmKib() / 1024.0);
    d.put("heap_mib", HEAP_MIB);
    d.put("file_mib", fileMib);
    d.put("file_over_heap", fileMib / HEAP_MIB);
    d.put("examples", m);
    d.put("features", FEATURES);
    d.put("hidden", HIDDEN);
    d.put("batch", BATCH);
    d.put("status_samples", run.samples());
    d.put("train_cost", json.path("train").path("cost").asDouble(Double.NaN));
    d.put("dev_accuracy", json.path("dev").path("accuracy").asDouble(Double.NaN));
    return new BenchResult("npy-epoch-beyond-heap", run.seconds(), "s", d);
  }
}
