package dev.descent.bench;

import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training throughput of the {@link MlpWorkload} at batch sizes 32, 128 and 1024: for each,
 * warm-up epochs of {@value #WARMUP_STEPS} steps in all (at most {@value #MAX_WARMUP_EPOCHS} epochs), then the median samples per second of the timed epochs (each reshuffled, the
 * last partial batch kept), with the heap bytes allocated per step over the timed epochs, and
 * the time of the step's products alone ({@link StepProducts}), the bound the step is read against.
 */
final class MlpSuite implements Suite {
  static final int[] BATCH_SIZES = {32, 128, 1024};
  /** Samples of the step's products timed alone (see {@link StepProducts}). */
  private static final int PRODUCT_SAMPLES = 9;

  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "784-512-256-10 relu/relu/softmax, Adam lr 1e-3, float32, " + examples(settings)
        + " synthetic examples, batch 32/128/1024; median samples/s of " + settings.repeatsOr(3)
        + " epoch(s) after warm-up epochs of " + WARMUP_STEPS + " steps (at most " + MAX_WARMUP_EPOCHS + " epochs); the step's products alone: median of " + PRODUCT_SAMPLES + " samples";
  }

  static int examples(BenchSettings settings) {
    return settings.examples() != null ? settings.examples() : settings.quick() ? 2_048 : MlpWorkload.EXAMPLES;
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    int examples = examples(settings);
    int largest = BATCH_SIZES[BATCH_SIZES.length - 1];
    if (examples < largest) {
      throw new IllegalArgumentException("--examples " + examples + ": the mlp suite needs at least " + largest
          + " (its largest batch)");
    }
    log.printf("bench mlp: generating %d synthetic examples …%n", examples);
    log.flush();
    MlpWorkload.Data data = MlpWorkload.data(examples, Rng.of(42));
    List<BenchResult> results = new ArrayList<>();
    for (int batch : BATCH_SIZES) {
      results.add(measure(batch, data, settings.repeatsOr(3), log));
    }
    return results;
  }

  /** Steps run before timing: past the invocation counts at which C2 compiles a once-a-step method. */
  static final int WARMUP_STEPS = 10_000;
  static final int MAX_WARMUP_EPOCHS = 8;

  private static BenchResult measure(int batch, MlpWorkload.Data data, int epochs, PrintWriter log) {
    int m = data.features().rows();
    Problem problem = MlpWorkload.problem(batch, data);
    StepLoop loop = new StepLoop(problem, Rng.of(0).fork("shuffle", batch));
    // enough warm-up steps that the methods called once a step (the plan lookup, Adam's update)
    // have had their C2 compilations before timing: HotSpot creates a compiled class's string
    // constants in the requesting thread, which showed as allocation in timed epochs at batch 32
    // (at most a few epochs: at batch 1 024 the count is reached only after the timed epochs anyway)
    int warmupEpochs = (int) Math.min(MAX_WARMUP_EPOCHS, Math.max(1, Math.ceil((double) WARMUP_STEPS / loop.stepsPerEpoch())));
    long start = System.nanoTime();
    double firstCost = loop.epoch();
    for (int e = 1; e < warmupEpochs; e++) {
      loop.epoch();
    }
    double warmup = (System.nanoTime() - start) / 1e9;
    log.printf("bench mlp: batch %d warm-up, %d epoch(s): %.2f s, first cost %.4f%n", batch, warmupEpochs, warmup, firstCost);
    log.flush();
    double[] rates = new double[epochs];
    double lastCost = Double.NaN;
    long allocated = 0;
    for (int e = 0; e < epochs; e++) {
      long before = Allocation.supported() ? Allocation.current() : 0;
      start = System.nanoTime();
      lastCost = loop.epoch();
      double seconds = (System.nanoTime() - start) / 1e9;
      allocated += Allocation.supported() ? Allocation.current() - before : 0;
      rates[e] = m / seconds;
      log.printf("bench mlp: batch %d epoch %d/%d: %.2f s, cost %.4f%n", batch, e + 1, epochs, seconds, lastCost);
      log.flush();
    }
    Samples s = new Samples(rates);
    StepProducts products = new StepProducts(MlpWorkload.widths(), batch, problem.network().gemm(),
        Rng.of(3).fork("products", batch));
    double productSeconds = products.medianSeconds(PRODUCT_SAMPLES);
    log.printf("bench mlp: batch %d, the step's %d products alone: %.3f ms%n", batch, products.count(),
        1000 * productSeconds);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("samples_per_s_min", s.min());
    d.put("samples_per_s_max", s.max());
    d.put("ms_per_step", 1000.0 * batch / s.median());
    d.put("model_gflops", s.median() * MlpWorkload.productFlopsPerExample() / 1e9);
    d.put("products_ms", 1000 * productSeconds);
    d.put("products_gflops", products.flops() / productSeconds / 1e9);
    d.put("timed_epochs", epochs);
    d.put("warmup_epochs", warmupEpochs);
    d.put("warmup_seconds", warmup);
    d.put("examples", m);
    d.put("batch", batch);
    d.put("dtype", "float32");
    d.put("first_epoch_cost", firstCost);
    d.put("last_epoch_cost", lastCost);
    d.put("alloc_bytes_per_step", Allocation.supported()
        ? allocated / (double) ((long) epochs * loop.stepsPerEpoch()) : null);
    d.put("data_mib", data.bytes() / (double) (1 << 20));
    return new BenchResult("mlp-b" + batch, s.median(), "samples/s", d);
  }
}
