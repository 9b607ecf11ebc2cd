package dev.descent.bench;

import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.generate.ConvertedFixture;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.MappedExamples;
import dev.descent.data.io.MappedLoader;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link MlpWorkload}'s network trained from a converted directory ({@link ConvertedFixture},
 * 784 float32 features, 10 classes) memory-mapped, against the same examples copied into the
 * heap: {@code npy-mlp-b128} and {@code npy-mlp-b1024}, the mapped samples/s with the block
 * shuffle streaming uses by default, and beside it the resident rate, the mapped rate with a
 * uniform shuffle, and their ratios. Each run is a fresh network through {@link StepLoop} (the
 * Trainer's loop and batch loader): warm-up steps, then the median of timed spans of full steps,
 * the three runs taking turns span by span.
 *
 * <p>The file was just written, so the mapped runs read it from the page cache: what they cost
 * over the resident run is the gather (page faults on first touch, a copy through a row buffer),
 * not the disk.
 */
final class NpyMlpBench {
  static final int[] BATCH_SIZES = {128, 1024};
  static final int EXAMPLES = 100_000;
  static final int QUICK_EXAMPLES = 4_096;

  private NpyMlpBench() {}

  static int examples(BenchSettings s) {
    return s.quick() ? QUICK_EXAMPLES : EXAMPLES;
  }

  /** Steps timed per span: about a second of training at either batch size on 2 cores. */
  static int stepsPerSpan(int batch, boolean quick) {
    return quick ? 4 : batch <= 128 ? 200 : 30;
  }

  static List<BenchResult> run(BenchSettings settings, Path tmp, PrintWriter log) throws IOException {
    int m = examples(settings);
    log.printf("bench data: writing a converted directory of %d × %d float32 …%n", m, MlpWorkload.INPUTS);
    log.flush();
    Path dir = ConvertedFixture.write(tmp.resolve("mlp"), m, MlpWorkload.INPUTS, MlpWorkload.CLASSES);
    MappedExamples mapped = MappedLoader.open(dir, LoadOptions.defaults());
    Dataset resident = mapped.toDataset();
    int spans = settings.repeatsOr(3);
    List<BenchResult> results = new ArrayList<>();
    for (int batch : BATCH_SIZES) {
      int steps = stepsPerSpan(batch, settings.quick());
      Samples[] rates = interleaved(new Examples[] {resident, mapped, mapped.withShuffleOrder(ShuffleOrder.UNIFORM)},
          batch, steps, spans, settings.quick());
      double residentRate = rates[0].median();
      Samples blocks = rates[1];
      double uniform = rates[2].median();
      log.printf("bench data: mlp batch %d: resident %.0f, mapped with blocks %.0f, mapped uniform %.0f samples/s%n",
          batch, residentRate, blocks.median(), uniform);
      log.flush();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("resident_samples_per_s", residentRate);
      d.put("mapped_over_resident", blocks.median() / residentRate);
      d.put("mapped_uniform_samples_per_s", uniform);
      d.put("mapped_uniform_over_resident", uniform / residentRate);
      d.put("samples_per_s_min", blocks.min());
      d.put("samples_per_s_max", blocks.max());
      d.put("shuffle", mapped.shuffleOrder().toString());
      d.put("steps_per_span", steps);
      d.put("timed_spans", spans);
      d.put("warmup", "at least " + steps / 2 + " steps" + (settings.quick() ? "" : " and " + WarmUp.SECONDS + " s"));
      d.put("examples", m);
      d.put("batch", batch);
      d.put("dtype", "float32");
      d.put("data_mib", 4.0 * m * MlpWorkload.INPUTS / (1 << 20));
      results.add(new BenchResult("npy-mlp-b" + batch, blocks.median(), "samples/s", d));
    }
    return results;
  }

  /**
   * Samples/s of each set, a fresh network on each: every loop warmed up (JIT, page faults), then
   * one span of each in turn, {@code spans} times, so a neighbour's burst on a shared machine
   * slows one span of every set rather than all the spans of one.
   */
  private static Samples[] interleaved(Examples[] sets, int batch, int steps, int spans, boolean quick) {
    StepLoop[] loops = new StepLoop[sets.length];
    for (int i = 0; i < sets.length; i++) {
      loops[i] = new StepLoop(MlpWorkload.network(), Optimizers.adam(MlpWorkload.LEARNING_RATE), sets[i], batch,
          Rng.of(0).fork("shuffle", batch));
      StepLoop loop = loops[i];
      WarmUp.repeat(loop::step, steps / 2, quick);
    }
    double[][] rates = new double[sets.length][spans];
    for (int k = 0; k < spans; k++) {
      for (int i = 0; i < sets.length; i++) {
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
          loops[i].step();
        }
        rates[i][k] = (double) steps * batch / ((System.nanoTime() - start) / 1e9);
      }
    }
    Samples[] samples = new Samples[sets.length];
    for (int i = 0; i < sets.length; i++) {
      samples[i] = new Samples(rates[i]);
    }
    return samples;
  }
}
