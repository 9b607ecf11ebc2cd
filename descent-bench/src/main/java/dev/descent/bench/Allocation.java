package dev.descent.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the Java heap by the calling thread, from HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean}): the in-process counterpart of JMH's
 * {@code gc.alloc.rate.norm}. Native memory (OpenBLAS's buffers) is not counted.
 *
 * <pre>{@code
 * long before = Allocation.current();
 * loop.epoch();
 * double perStep = (Allocation.current() - before) / (double) loop.stepsPerEpoch();   // 0 when steady
 * }</pre>
 */
public final class Allocation {
  private static final com.sun.management.ThreadMXBean THREADS = bean();

  private Allocation() {}

  private static com.sun.management.ThreadMXBean bean() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
        && b.isThreadAllocatedMemorySupported()) {
      b.setThreadAllocatedMemoryEnabled(true);
      return b;
    }
    return null;
  }

  /** Whether this JVM counts allocated bytes per thread (HotSpot does). */
  public static boolean supported() {
    return THREADS != null;
  }

  /** Bytes the calling thread has allocated so far; call only when {@link #supported()}. */
  public static long current() {
    if (THREADS == null) {
      throw new IllegalStateException("this JVM does not count allocated bytes per thread; check Allocation.supported() first");
    }
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /**
   * Heap bytes per step of {@code epochs} epochs of {@code loop}, after one epoch that creates any
   * missing plans; null when the JVM cannot count. The reading's own cost (a few bytes at most)
   * is subtracted.
   */
  public static Double perStep(StepLoop loop, int epochs) {
    if (!supported()) {
      return null;
    }
    loop.epoch();
    long first = current();
    long reading = current() - first;
    long before = current();
    for (int e = 0; e < epochs; e++) {
      loop.epoch();
    }
    long bytes = current() - before - reading;
    return bytes / (double) ((long) epochs * loop.stepsPerEpoch());
  }
}
