package dev.descent.bench;

import dev.descent.tensor.Rng;
import org.openjdk.jmh.annotations.Param;

/**
 * The training step of the 784-512-256-10 MLP ({@link MlpWorkload}, Adam, float32) at batch
 * sizes 32, 128 and 1024, on 8 192 synthetic examples (the step's cost does not depend on how
 * many there are; the suite uses 60 000). samples/s = batch / (µs per step) × 10⁶.
 *
 * <pre>
 * java -jar descent-bench/target/benchmarks.jar MlpStepBenchmark -prof gc
 * java -jar descent-bench/target/benchmarks.jar 'MlpStepBenchmark.step' -p batch=1024
 * </pre>
 */
public class MlpStepBenchmark extends TrainingStepBenchmark {
  static final int EXAMPLES = 8_192;

  @Param({"32", "128", "1024"})
  int batch;

  @Override
  protected Problem problem() {
    return MlpWorkload.problem(batch, MlpWorkload.data(EXAMPLES, Rng.of(42)));
  }
}
