package dev.descent.bench;

import java.util.function.LongSupplier;

/**
 * Seconds per call of short work: one untimed call, untimed calls for a warm-up, then samples
 * that each average as many calls as fill a sample's time (so a call shorter than the clock's
 * resolution is still measured, and a long one is sampled once per call).
 *
 * <pre>{@code
 * Timing t = Timing.of(() -> gemm.multiply(a, false, b, false, c, 1, 0), 0.2, 0.05, 7);
 * t.seconds().min();   // the best sample's seconds per call
 * }</pre>
 *
 * @param callsPerSample the calls each sample averaged
 */
record Timing(Samples seconds, int callsPerSample) {

  static Timing of(Runnable work, double warmupSeconds, double sampleSeconds, int samples) {
    return of(work, warmupSeconds, sampleSeconds, samples, System::nanoTime);
  }

  /** As above, reading the time in nanoseconds from {@code clock}. */
  static Timing of(Runnable work, double warmupSeconds, double sampleSeconds, int samples, LongSupplier clock) {
    work.run();
    long start = clock.getAsLong();
    int calls = 0;
    do {
      work.run();
      calls++;
    } while (clock.getAsLong() - start < warmupSeconds * 1e9);
    double perCall = (clock.getAsLong() - start) / 1e9 / calls;
    int perSample = Math.max(1, (int) (sampleSeconds / perCall));
    double[] seconds = new double[samples];
    for (int s = 0; s < samples; s++) {
      start = clock.getAsLong();
      for (int k = 0; k < perSample; k++) {
        work.run();
      }
      seconds[s] = (clock.getAsLong() - start) / 1e9 / perSample;
    }
    return new Timing(new Samples(seconds), perSample);
  }
}
