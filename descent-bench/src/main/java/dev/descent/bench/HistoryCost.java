package dev.descent.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code history.jsonl} and {@code history.csv} cost a course run ({@code bench course
 * --history}): runs without and with the {@link dev.descent.train.HistoryLog}, interleaved in one
 * JVM (pair k runs without-then-with when k is even, with-then-without when odd), so that a load
 * that comes and goes on a shared machine falls on both alike. Reports the median of each and the
 * overhead, {@code with / without − 1}, by wall time of the fit (files closed and the writer thread
 * done) and by the training thread's CPU time (what the writer thread does beside it left out).
 * (The JVM's CPU time would count the writer too, but Linux reports it in 10 ms ticks, as much as
 * a whole run.)
 *
 * <pre>
 * optimization-gd  0.0669 s  without_s=0.0661  wall_overhead_pct=1.2  cpu_overhead_pct=0.9  pairs=31 …
 * </pre>
 */
final class HistoryCost {
  /** Pairs after the warm-up (with --quick 3). */
  static final int PAIRS = 31;

  private HistoryCost() {}

  static BenchResult measure(CourseWorkload w, BenchSettings settings, PrintWriter log) {
    int epochs = CourseSuite.epochs(w, settings);
    int warmup = CourseSuite.warmupEpochs(w, epochs);
    log.printf("bench course --history: %s, warm-up (runs of %d epochs without and with the history) …%n", w.name(), warmup);
    log.flush();
    int warmupRuns = WarmUp.repeat(() -> {
      CourseSuite.train(w, warmup, false);
      CourseSuite.train(w, warmup, true);
    }, 1, settings.quick());
    int pairs = settings.repeats() != null ? settings.repeats() : settings.quick() ? 3 : PAIRS;
    double[][] wall = new double[2][pairs];
    double[][] cpu = new double[2][pairs];
    for (int k = 0; k < pairs; k++) {
      for (int i = 0; i < 2; i++) {
        int with = k % 2 == 0 ? i : 1 - i;   // NOTE: alternate the order, so neither always runs second
        CourseSuite.Run run = CourseSuite.train(w, epochs, with == 1);
        wall[with][k] = run.seconds();
        cpu[with][k] = run.cpuSeconds();
      }
      log.printf("bench course --history: %s pair %d/%d: without %.4f s, with %.4f s%n", w.name(), k + 1, pairs, wall[0][k],
          wall[1][k]);
      log.flush();
    }
    Samples without = new Samples(wall[0]);
    Samples with = new Samples(wall[1]);
    Samples cpuWithout = new Samples(cpu[0]);
    Samples cpuWith = new Samples(cpu[1]);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("without_s", without.median());
    d.put("wall_overhead_pct", overhead(with.median(), without.median()));
    d.put("wall_overhead_min_pct", overhead(with.min(), without.min()));
    d.put("cpu_without_s", cpuWithout.median());
    d.put("cpu_with_s", cpuWith.median());
    d.put("cpu_overhead_pct", cpuWithout.min() < 0 ? Double.NaN : overhead(cpuWith.median(), cpuWithout.median()));
    d.put("cpu_overhead_min_pct", cpuWithout.min() < 0 ? Double.NaN : overhead(cpuWith.min(), cpuWithout.min()));
    d.put("epochs", epochs);
    d.put("pairs", pairs);
    d.put("warmup_epochs", warmup);
    d.put("warmup_pairs", warmupRuns);
    d.put("history", true);
    return new BenchResult(w.name(), with.median(), "s", d);
  }

  /** {@code with / without − 1} in percent. */
  static double overhead(double with, double without) {
    return 100 * (with / without - 1);
  }
}
