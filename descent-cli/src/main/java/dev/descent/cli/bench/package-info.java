/**
 * {@code descent bench}: fixed workloads (the course's small networks, a 784-512-256-10 MLP,
 * matrix products, gradient checks) timed in process after JIT warm-up, with the machine, the
 * OpenBLAS build and the peak memory beside every number. The JMH benchmarks in
 * {@code descent-bench} reuse {@link dev.descent.cli.bench.Problem} and
 * {@link dev.descent.cli.bench.StepLoop}, so both measure the same step.
 */
package dev.descent.cli.bench;
