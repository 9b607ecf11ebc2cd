package dev.descent.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code descent bench data}: how fast data get in. {@code csv-parse} (MB/s) and
 * {@code csv-peak-rss} (MiB, a child JVM) on the 1 000 000 × 50 CSV ({@link CsvParseBench});
 * {@code npy-mlp-b128} and {@code npy-mlp-b1024} (samples/s), the MLP trained from a mapped file
 * against the same examples in the heap ({@link NpyMlpBench}); {@code npy-epoch-beyond-heap}
 * (s), one epoch of {@code descent train} over a mapped file four times its heap, with its peak
 * RssAnon ({@link BeyondHeapEpoch}). Every file is written into a temporary directory under
 * {@code java.io.tmpdir} and deleted at the end, on failure too.
 */
final class DataSuite implements Suite {

  @Override
  public String name() {
    return "data";
  }

  @Override
  public String describe(BenchSettings s) {
    int epoch = BeyondHeapEpoch.examples(s);
    return String.format(java.util.Locale.ROOT, "CSV %d × %d into float32 (median of %d load(s) after one; peak RSS of a "
            + "child JVM); 784-512-256-10 Adam float32 on %d × 784 float32, mapped vs resident, batch 128/1024 "
            + "(median of %d span(s) of full steps after warm-up); one epoch of descent train (hidden %d, batch %d) in "
            + "a -Xmx%dm child over a mapped %d × %d float32 file (%.0f MiB%s)",
        CsvParseBench.rows(s), CsvParseBench.FEATURES, s.repeatsOr(3), NpyMlpBench.examples(s), s.repeatsOr(3),
        BeyondHeapEpoch.HIDDEN, BeyondHeapEpoch.BATCH, BeyondHeapEpoch.HEAP_MIB, epoch, BeyondHeapEpoch.FEATURES,
        4.0 * epoch * BeyondHeapEpoch.FEATURES / (1 << 20),
        4.0 * epoch * BeyondHeapEpoch.FEATURES > (long) BeyondHeapEpoch.HEAP_MIB << 20 ? "" : ", within the heap: --quick");
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("descent-bench-data");
      List<BenchResult> results = new ArrayList<>(CsvParseBench.run(settings, tmp, log));
      results.addAll(NpyMlpBench.run(settings, tmp, log));
      results.add(BeyondHeapEpoch.run(settings, tmp, log));
      return results;
    } catch (IOException ex) {
      throw new UncheckedIOException("bench data: " + ex.getMessage(), ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bench data: interrupted while a child JVM ran", ex);
    } finally {
      if (tmp != null) {
        delete(tmp);
      }
    }
  }

  static void delete(Path dir) {
    try {
      dev.descent.io.Temporaries.delete(dir);
    } catch (IOException ex) {
      throw new UncheckedIOException("bench data: cannot delete its temporary files in " + dir + ": " + ex.getMessage(), ex);
    }
  }
}
