package dev.descent.bench;

import dev.descent.tensor.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV parsing into float32 ({@link CsvLoad}) on the {@link CsvFixture} file: {@code csv-parse},
 * the median MB/s (10⁶ bytes of CSV a second) of the timed loads after an untimed one, and
 * {@code csv-peak-rss}, the peak resident set of a child JVM that only loads the file, against the
 * issue's bound of twice the float32 data plus 300 MiB.
 */
final class CsvParseBench {
  static final int FEATURES = 50;
  static final int ROWS = 1_000_000;
  static final int QUICK_ROWS = 20_000;
  static final double TARGET_MB_PER_S = 150;
  static final double RSS_OVER_TWICE_DATA_MIB = 300;

  private CsvParseBench() {}

  static int rows(BenchSettings s) {
    return s.quick() ? QUICK_ROWS : ROWS;
  }

  static List<BenchResult> run(BenchSettings settings, Path tmp, PrintWriter log) throws IOException, InterruptedException {
    int rows = rows(settings);
    Path csv = tmp.resolve("bench.csv");
    log.printf("bench data: writing a %d × %d CSV …%n", rows, FEATURES);
    log.flush();
    long bytes = CsvFixture.write(csv, rows, FEATURES, Rng.of(1));
    double mb = bytes / 1e6;
    try {
      long start = System.nanoTime();
      CsvLoad.load(csv);
      double warmup = (System.nanoTime() - start) / 1e9;
      log.printf("bench data: csv %.0f MB, untimed load %.2f s%n", mb, warmup);
      log.flush();
      int runs = settings.repeatsOr(3);
      double[] rates = new double[runs];
      for (int r = 0; r < runs; r++) {
        start = System.nanoTime();
        int loaded = CsvLoad.load(csv).size();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (loaded != rows) {
          throw new AssertionError("the CSV loader read " + loaded + " rows of " + rows);
        }
        rates[r] = mb / seconds;
        log.printf("bench data: csv load %d: %.2f s, %.0f MB/s%n", r + 1, seconds, rates[r]);
        log.flush();
      }
      Samples s = new Samples(rates);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("mb_per_s_best", s.max());
      d.put("mb_per_s_min", s.min());
      d.put("seconds_median", mb / s.median());
      d.put("target_mb_per_s", TARGET_MB_PER_S);
      d.put("file_mb", mb);
      d.put("rows", rows);
      d.put("features", FEATURES);
      d.put("timed_runs", runs);
      d.put("warmup_runs", 1);
      d.put("dtype", "float32");
      BenchResult parse = new BenchResult("csv-parse", s.median(), "MB/s", d);
      return List.of(parse, childPeak(csv, rows, mb, tmp, log));
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static BenchResult childPeak(Path csv, int rows, double mb, Path tmp, PrintWriter log)
      throws IOException, InterruptedException {
    ChildJvm.Run run = ChildJvm.run(List.of(), CsvLoad.class.getName(), List.of(csv.toString()), tmp);
    String[] line = run.stdoutOrThrow("loading " + csv).strip().split(" ");
    double seconds = Double.parseDouble(line[2]);
    long hwmKib = Long.parseLong(line[3]);
    double dataMib = 4.0 * rows * FEATURES / (1 << 20);
    double bound = 2 * dataMib + RSS_OVER_TWICE_DATA_MIB;
    log.printf("bench data: csv load in a child JVM: %.2f s, peak RSS %.0f MiB (bound %.0f MiB)%n", seconds,
        hwmKib / 1024.0, bound);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("bound_mib", bound);
    d.put("float32_data_mib", dataMib);
    d.put("within_bound", hwmKib / 1024.0 <= bound);
    d.put("child_seconds", seconds);
    d.put("child_mb_per_s", mb / seconds);
    d.put("rows", rows);
    d.put("features", FEATURES);
    d.put("jvm_options", "-XX:+UseSerialGC, default heap");
    return new BenchResult("csv-peak-rss", hwmKib / 1024.0, "MiB", d);
  }
}
