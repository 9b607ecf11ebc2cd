package dev.descent.bench;

import java.util.List;

/**
 * How a suite runs. A null {@code repeats}, {@code examples} or {@code sizes} means the suite's
 * default (smaller with {@code quick}, whose numbers are for smoke tests, not for comparison).
 *
 * @param quick smoke-test sizes: shorter runs, fewer examples and sizes, one repeat
 * @param repeats timed repetitions (course, mlp: runs or epochs, median; gemm: samples, best;
 *     gradcheck: checks, median)
 * @param examples mlp: synthetic examples (default 60 000, quick 2 048)
 * @param sizes gemm: square sizes n (default 256, 512, 1024, 2048; quick 256, 512)
 * @param threads OpenBLAS threads (≥ 1)
 * @param history course: each timed run also writes history.jsonl and history.csv (to a temporary directory),
 *     to measure what the history costs
 * @param epochExamples data: examples of the file the beyond-heap epoch streams (default 375 000 × 784,
 *     1.1 GiB; quick 20 000)
 */
public record BenchSettings(boolean quick, Integer repeats, Integer examples, List<Integer> sizes, int threads,
    Integer epochExamples, boolean history) {
  public BenchSettings {
    if (epochExamples != null && epochExamples < 1024) {
      throw new IllegalArgumentException("--epoch-examples " + epochExamples + ": must be at least 1024 (one batch)");
    }
    if (repeats != null && repeats < 1) {
      throw new IllegalArgumentException("--repeats " + repeats + ": must be at least 1");
    }
    if (examples != null && examples < 1) {
      throw new IllegalArgumentException("--examples " + examples + ": must be at least 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads " + threads + ": must be at least 1 (default: the number of cores)");
    }
    if (sizes != null) {
      for (int n : sizes) {
        if (n < 1) {
          throw new IllegalArgumentException("--sizes " + sizes + ": every size must be at least 1");
        }
      }
      sizes = List.copyOf(sizes);
    }
  }

  /** The full-size defaults with {@code threads} OpenBLAS threads. */
  public static BenchSettings defaults(int threads) {
    return new BenchSettings(false, null, null, null, threads, null, false);
  }

  /** The given repeats, else 1 when quick, else {@code normal}. */
  public int repeatsOr(int normal) {
    return repeats != null ? repeats : quick ? 1 : normal;
  }
}
