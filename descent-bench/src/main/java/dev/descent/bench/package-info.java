/**
 * {@code descent bench}: fixed workloads (the course's small networks, a 784-512-256-10 MLP,
 * matrix products, gradient checks, data loading, serving, start-up) timed in process after JIT
 * warm-up, with the machine, the OpenBLAS build and the peak memory beside every number. The
 * command line finds {@link dev.descent.bench.BenchCommand} through {@link java.util.ServiceLoader}
 * ({@link dev.descent.cli.ModuleCommand}); {@code ./descent bench} builds this module and puts it
 * on the class path.
 *
 * <p>And the JMH benchmarks: the training step (forward, backward, update, and the whole step as
 * the Trainer runs it) of the course's networks and of the 784-512-256-10 MLP, and the matrix
 * products behind {@link dev.descent.tensor.SizeSwitchingGemm#DEFAULT_THRESHOLD}. They reuse
 * {@link dev.descent.bench.Problem} and {@link dev.descent.bench.StepLoop}, so both measure the
 * same step. Built into {@code descent-bench/target/benchmarks.jar}; {@code ./mvnw verify} only
 * compiles them. Run with {@code java -jar descent-bench/target/benchmarks.jar -prof gc} to see
 * {@code gc.alloc.rate.norm}, the bytes allocated per step (0 in the steady state).
 */
package dev.descent.bench;
