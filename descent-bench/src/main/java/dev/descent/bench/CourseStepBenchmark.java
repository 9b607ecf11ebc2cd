package dev.descent.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The training step of the course's networks ({@link CourseWorkload}): [2,5,2,1] on moons,
 * batch 64, Adam or GD ({@code optimization-adam}, {@code optimization-gd}), and [2,10,5,1] on
 * circles, full batch 300, GD ({@code init-he}). {@code epoch} is one whole epoch as the
 * Trainer's loop runs it (moons: 4 batches of 64 and one of 44, reshuffled); the suite's
 * seconds are about epochs × this.
 *
 * <pre>
 * java -jar descent-bench/target/benchmarks.jar CourseStepBenchmark -prof gc
 * </pre>
 */
public class CourseStepBenchmark extends TrainingStepBenchmark {
  @Param({"optimization-adam", "optimization-gd", "init-he"})
  String workload;

  @Override
  protected Problem problem() {
    return CourseWorkload.of(workload).problem();
  }

  @Benchmark
  public double epoch() {
    return loop.epoch();
  }
}
