package dev.descent.bench;

import dev.descent.nn.Plan;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of one training step of a {@link Problem}, each timed alone on a warmed-up
 * network: {@code forward} (the tape to the cost), {@code backward} (every gradient, from the
 * stored forward values), {@code update} (the optimizer's transform and {@code W += step}) and
 * {@code step}, all three with the batch's rows loaded, exactly as the Trainer does it
 * ({@link StepLoop#step()}). With {@code -prof gc}, {@code gc.alloc.rate.norm} is the heap
 * bytes per call: the target is 0.
 *
 * <p>{@code forward} and {@code backward} time the tape's training plan (for the course's nets,
 * one {@link dev.descent.autodiff.DenseStack} and the loss); {@code step} runs what the
 * Trainer runs. {@code forward} and
 * {@code backward} replay the same batch, and {@code update} applies the
 * same gradient again and again (the weights drift, which costs nothing extra); only
 * {@code step} walks through the data. The same JVM flags as the {@code ./descent} launcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Ddescent.blas.tune=true"})
public abstract class TrainingStepBenchmark {
  StepLoop loop;
  Plan plan;
  Optimizer optimizer;

  /** The workload, built after JMH has set the subclass's parameters. */
  protected abstract Problem problem();

  @Setup(Level.Trial)
  public void setUp() {
    loop = new StepLoop(problem(), Rng.of(1));
    loop.epoch();   // creates every plan (full and partial batch) and the optimizer's state
    plan = loop.loadedPlan();
    plan.step();
    optimizer = loop.optimizer();
  }

  @Benchmark
  public double forward() {
    return plan.forward();
  }

  @Benchmark
  public void backward() {
    plan.tape().backward(plan.cost());
  }

  @Benchmark
  public void update() {
    optimizer.step();
  }

  @Benchmark
  public double step() {
    return loop.step();
  }
}
