package dev.descent.tensor;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The C library's {@code log}, called by JNA's direct mapping, for {@link NumpyRandomState}'s
 * Gaussians: numpy calls this function, and its last bit is not always {@code Math.log}'s. Where
 * the library cannot be loaded, {@code Math.log}, and {@link #source()} says why.
 */
final class CLog {
  private static final String FAILURE = Binding.failure();

  private CLog() {}

  static double log(double x) {
    return FAILURE == null ? Binding.log(x) : Math.log(x);
  }

  static String source() {
    return FAILURE == null ? "the C library's log, as numpy's" : "Math.log (the C library's log could not be loaded: " + FAILURE + ")";
  }

  /** The native method, named as the C function. */
  private static final class Binding {
    private static String failure;

    static {
      try {
        Native.register(Binding.class, Platform.isWindows() ? "msvcrt" : Platform.isMac() ? "c" : "m");
      } catch (LinkageError | RuntimeException ex) {
        failure = String.valueOf(ex.getMessage());
      }
    }

    static String failure() {
      return failure;
    }

    static native double log(double x);
  }
}
