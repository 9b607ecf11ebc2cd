package dev.descent.bench;

import dev.descent.nn.Network;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.Callback;
import dev.descent.train.HistoryLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's experiments ({@link CourseWorkload}) trained end to end by the {@link Trainer}, as
 * {@code descent train} would: untimed warm-up runs (a tenth of the length, at least 10 000
 * steps, at most the whole length; repeated for {@value WarmUp#SECONDS} s, so that the JIT has
 * compiled the step), then the median seconds of the timed runs, each from the same initial weights.
 * Besides the time: the train accuracy, the heap bytes per step of the whole fit (its per-epoch
 * bookkeeping included) and of the bare step loop in steady state (the 0 bytes/step target).
 */
final class CourseSuite implements Suite {
  /** Steps over which the steady-state allocation is averaged (a tenth with --quick). */
  private static final int ALLOCATION_STEPS = 5_000;
  /** Warm-up steps: enough calls of every op for C2 to compile it (its threshold is a few thousand). */
  private static final int WARMUP_STEPS = 10_000;

  @Override
  public String name() {
    return "course";
  }

  @Override
  public String describe(BenchSettings settings) {
    String length = settings.quick() ? "500 epochs / 1 500 iterations (quick)" : "10 000 epochs / 15 000 iterations";
    return "the course's experiments in float32: optimization-gd/-adam (moons 300, [2,5,2,1], batch 64, lr 0.0007) "
        + "and init-he (circles 300, [2,10,5,1], full batch, GD lr 0.01), " + length + "; median of "
        + settings.repeatsOr(3) + " timed run(s) after " + (settings.quick() ? "a warm-up run" : "warm-up runs for " + WarmUp.SECONDS + " s");
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    List<BenchResult> results = new ArrayList<>();
    for (String name : CourseWorkload.NAMES) {
      results.add(measure(CourseWorkload.of(name), settings, log));
    }
    return results;
  }

  private static BenchResult measure(CourseWorkload w, BenchSettings settings, PrintWriter log) {
    int epochs = settings.quick() ? w.quickEpochs() : w.epochs();
    int stepsPerEpoch = (w.train().size() + w.stepSize() - 1) / w.stepSize();
    int warmup = Math.min(epochs, Math.max(epochs / 10, (WARMUP_STEPS + stepsPerEpoch - 1) / stepsPerEpoch));
    log.printf("bench course: %s, warm-up (runs of %d epochs for %s s) …%n", w.name(), warmup, settings.quick() ? 0 : WarmUp.SECONDS);
    log.flush();
    int warmupRuns = WarmUp.repeat(() -> train(w, warmup, settings.history()), 1, settings.quick());
    int repeats = settings.repeatsOr(3);
    double[] seconds = new double[repeats];
    Run last = null;
    for (int r = 0; r < repeats; r++) {
      last = train(w, epochs, settings.history());
      seconds[r] = last.seconds();
      log.printf("bench course: %s run %d/%d: %.3f s%n", w.name(), r + 1, repeats, seconds[r]);
      log.flush();
    }
    Samples s = new Samples(seconds);
    StepLoop loop = new StepLoop(w.problem(), Rng.of(1).fork("shuffle", 0));
    long steps = (long) epochs * loop.stepsPerEpoch();
    // the loop's own methods get their C2 compilations before the allocation is counted (HotSpot
    // creates a compiled method's string constants in the requesting thread): init-he's one step
    // an epoch showed 0.024 B/step from that alone
    for (int e = 0, n = (WARMUP_STEPS + loop.stepsPerEpoch() - 1) / loop.stepsPerEpoch(); e < n; e++) {
      loop.epoch();
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("train_accuracy", Evaluation.of(last.network(), w.train()).accuracy());
    d.put("final_cost", last.history().lastTrainCost());
    d.put("epochs", epochs);
    d.put("steps", steps);
    d.put("batch_size", w.stepSize());
    d.put("optimizer", w.transform().describe());
    d.put("dtype", "float32");
    d.put("us_per_step", 1e6 * s.median() / steps);
    d.put("time_min", s.min());
    d.put("time_max", s.max());
    d.put("runs", s.count());
    d.put("warmup_epochs", warmup);
    d.put("warmup_runs", warmupRuns);
    d.put("history", settings.history());
    d.put("fit_alloc_bytes_per_step", last.allocated() < 0 ? null : last.allocated() / (double) steps);
    d.put("alloc_bytes_per_step", Allocation.perStep(loop,
        Math.max(1, (settings.quick() ? ALLOCATION_STEPS / 10 : ALLOCATION_STEPS) / loop.stepsPerEpoch())));
    return new BenchResult(w.name(), s.median(), "s", d);
  }

  private static void delete(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(HistoryLog.JSONL));
      Files.deleteIfExists(dir.resolve(HistoryLog.CSV));
      Files.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Run(Network network, History history, double seconds, long allocated) {}

  private static Run train(CourseWorkload w, int epochs, boolean withHistory) {
    Network network = w.network();
    Trainer trainer = new Trainer(network, w.transform(), w.config(epochs));
    Path dir = null;
    try {
      dir = withHistory ? Files.createTempDirectory("descent-bench-history") : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Callback> callbacks = dir == null ? List.of() : List.of(HistoryLog.to(dir, List.of()));
    long allocatedBefore = Allocation.supported() ? Allocation.current() : -1;
    long start = System.nanoTime();
    History history = trainer.fit(w.train(), null, callbacks);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (dir != null) {
      delete(dir);
    }
    long allocated = Allocation.supported() ? Allocation.current() - allocatedBefore : -1;
    if (!history.completed()) {
      throw new IllegalStateException("bench course: " + w.name() + " stopped early: " + history.stopReason());
    }
    return new Run(network, history, seconds, allocated);
  }
}
