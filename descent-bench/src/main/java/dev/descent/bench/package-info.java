/**
 * JMH benchmarks: the training step (forward, backward, update, and the whole step as the
 * Trainer runs it) of the course's networks and of the 784-512-256-10 MLP, and the matrix
 * products behind {@link dev.descent.tensor.SizeSwitchingGemm#DEFAULT_THRESHOLD}. Built into
 * {@code descent-bench/target/benchmarks.jar}; {@code ./mvnw verify} only compiles them. Run
 * with {@code java -jar descent-bench/target/benchmarks.jar -prof gc} to see
 * {@code gc.alloc.rate.norm}, the bytes allocated per step (0 in the steady state).
 */
package dev.descent.bench;
