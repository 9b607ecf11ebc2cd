package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** On a fake clock that only the work advances, so every count and second is exact. */
class TimingTest {

  /** Work that takes {@code nanos} on {@code clock[0]} and counts its calls in {@code calls[0]}. */
  private static Runnable work(long[] clock, int[] calls, long nanos) {
    return () -> {
      calls[0]++;
      clock[0] += nanos;
    };
  }

  @Test
  void averagesEnoughCallsPerSampleToFillTheSampleTime() {
    long[] clock = {0};
    int[] calls = {0};
    LongSupplier now = () -> clock[0];
    Timing t = Timing.of(work(clock, calls, 100_000), 0.01, 0.00505, 4, now);
    assertEquals(4, t.seconds().count());
    assertEquals(50, t.callsPerSample(), "0.1 ms calls in 5.05 ms samples");
    assertEquals(1e-4, t.seconds().min(), 1e-15);
    assertEquals(1e-4, t.seconds().max(), 1e-15);
    // one untimed call, 100 warm-up calls (0.01 s), then 4 samples of 50
    assertEquals(1 + 100 + 4 * 50, calls[0]);
  }

  @Test
  void samplesALongCallOncePerSample() {
    long[] clock = {0};
    int[] calls = {0};
    Timing t = Timing.of(work(clock, calls, 3_000_000), 0.001, 0.001, 3, () -> clock[0]);
    assertEquals(1, t.callsPerSample());
    assertEquals(1 + 1 + 3, calls[0], "one untimed call, one warm-up call, three samples");
    assertEquals(3e-3, t.seconds().median(), 1e-15);
  }
}
