package dev.descent.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimingTest {

  /** Work that takes at least {@code nanos}, however fast the machine. */
  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  /** Counts its calls in {@code calls[0]}. */
  private static Runnable countedSpin(int[] calls, long nanos) {
    return () -> {
      calls[0]++;
      spin(nanos);
    };
  }

  @Test
  void averagesEnoughCallsPerSampleToFillTheSampleTime() {
    int[] calls = {0};
    Timing t = Timing.of(countedSpin(calls, 100_000), 0.01, 0.005, 4);
    assertEquals(4, t.seconds().count());
    // 0.1 ms calls: at most 50 fill a 5 ms sample (fewer when the machine is slow)
    assertTrue(t.callsPerSample() >= 1 && t.callsPerSample() <= 50, "calls per sample " + t.callsPerSample());
    assertTrue(t.seconds().min() >= 100e-6, "every call spins 0.1 ms: " + t.seconds().min());
    // one untimed call, at least one warm-up call, then the samples
    assertTrue(calls[0] >= 2 + 4 * t.callsPerSample(), "calls " + calls[0]);
  }

  @Test
  void samplesALongCallOncePerSample() {
    int[] calls = {0};
    Timing t = Timing.of(countedSpin(calls, 3_000_000), 0.001, 0.001, 3);
    assertEquals(1, t.callsPerSample());
    assertEquals(1 + 1 + 3, calls[0], "one untimed call, one warm-up call, three samples");
    assertTrue(t.seconds().min() >= 3e-3, "each call spins 3 ms: " + t.seconds().min());
  }
}
