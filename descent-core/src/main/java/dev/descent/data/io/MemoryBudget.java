package dev.descent.data.io;

import java.util.Arrays;

/**
 * Refuses, from a file's declared shape and before anything is allocated, an array that cannot
 * be held in the heap: a few bytes of gzip or a sparse matrix can declare billions of values.
 * Loading holds a value about twice (the file's own array and the float64 data set, 8 bytes a
 * value, plus the split's copies of it), so a shape is refused when 16 bytes a value exceed the
 * heap ({@code Runtime.maxMemory()}; raise it with {@code JAVA_OPTS=-Xmx…}). The count is taken
 * in overflow-checked arithmetic, so a shape whose product wraps around is refused too.
 */
final class MemoryBudget {
  static final long BYTES_PER_VALUE = 16;

  private MemoryBudget() {}

  /** The number of values in {@code shape}, or an error naming {@code what} when it overflows. */
  static long values(InputFile file, String what, long[] shape) {
    long values = 1;
    for (long d : shape) {
      try {
        values = Math.multiplyExact(values, d);
      } catch (ArithmeticException overflow) {
        throw file.error(what + "declares shape " + text(shape) + ", more values than a long can count; is the"
            + " header corrupt?");
      }
    }
    return values;
  }

  /** Refuses {@code shape} when its values would not fit the heap (see the class comment). */
  static long requireFits(InputFile file, String what, long[] shape) {
    long values = values(file, what, shape);
    if (!fits(values)) {
      throw file.error(what + "declares shape " + text(shape) + " = " + values + " values, " + need(values)
          + ", or convert the file (descent convert) and train on it streamed");
    }
    return values;
  }

  static boolean fits(long values) {
    return values <= Long.MAX_VALUE / BYTES_PER_VALUE && values * BYTES_PER_VALUE <= Runtime.getRuntime().maxMemory();
  }

  /** "about N MB in memory; the heap is M MB; raise it with JAVA_OPTS=-XmxKg". */
  static String need(long values) {
    return "about " + mebibytes(values) + " MB in memory; the heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MB; raise it with JAVA_OPTS=-Xmx" + suggestedGigabytes(values) + "g";
  }

  static long requireFits(InputFile file, String what, int[] shape) {
    return requireFits(file, what, Arrays.stream(shape).asLongStream().toArray());
  }

  private static String mebibytes(long values) {
    return values > Long.MAX_VALUE / BYTES_PER_VALUE ? "more than " + Long.MAX_VALUE / (1 << 20)
        : Long.toString(values * BYTES_PER_VALUE / (1 << 20));
  }

  /** A heap a quarter larger than the need, in whole gigabytes. */
  private static long suggestedGigabytes(long values) {
    double bytes = (double) values * BYTES_PER_VALUE * 1.25;
    return Math.max(1, (long) Math.ceil(bytes / (1L << 30)));
  }

  private static String text(long[] shape) {
    return Arrays.toString(shape).replace('[', '(').replace(']', ')');
  }
}
