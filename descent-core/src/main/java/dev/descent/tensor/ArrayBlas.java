package dev.descent.tensor;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenBLAS that JavaCPP loaded, reached through netlib's JNI binding
 * ({@code dev.ludovic.netlib:blas}), which hands it the Java arrays themselves inside JNI
 * critical regions: no copies in or out, where JavaCPP's own bindings need native memory (or
 * copy arrays both ways). The binding opens the very library file JavaCPP extracted, so it is one
 * OpenBLAS in the process, with one thread pool and one kernel choice.
 *
 * <p>Row-major products are column-major products of the transposes: {@code C = op(A)·op(B)}
 * row-major is {@code Cᵀ = op(B)ᵀ·op(A)ᵀ} column-major, and a row-major array read
 * column-major is its transpose, so the call swaps A and B and keeps the transpose flags.
 *
 * <p>{@link #available()} is false where the binding cannot load (no native library for this
 * platform, an OpenBLAS without the Fortran symbols) and in a process that was not tuned
 * ({@link Blas#tuneProcess()}; the binding finds OpenBLAS through a system property, which a
 * library sets only on request, unless the user set it); {@link OpenBlasGemm} then stages.
 */
final class ArrayBlas {
  private static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
  /** Held so that the logger, and the level set on it, outlive this class's initialization. */
  private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas");
  private static final NativeBLAS BLAS = load();

  private ArrayBlas() {}

  static boolean available() {
    return BLAS != null;
  }

  /** Row-major {@code c = alpha·op(a)·op(b) + beta·c}, float32; shapes checked by the caller. */
  static void sgemm(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha, float[] a, int lda,
      float[] b, int ldb, float beta, float[] c, int ldc) {
    BLAS.sgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k, alpha, b, 0, ldb, a, 0, lda, beta, c, 0, ldc);
  }

  /** Row-major {@code c = alpha·op(a)·op(b) + beta·c}, float64; shapes checked by the caller. */
  static void dgemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha, double[] a, int lda,
      double[] b, int ldb, double beta, double[] c, int ldc) {
    BLAS.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k, alpha, b, 0, ldb, a, 0, lda, beta, c, 0, ldc);
  }

  private static NativeBLAS load() {
    if (!Blas.available()) {
      return null;
    }
    String library = openBlasFile(org.bytedeco.javacpp.Loader.getLoadedLibraries());
    if (library == null) {
      return null;
    }
    if (System.getProperty(LIBRARY_PROPERTY) == null) {
      if (!Blas.tuned()) {
        // a global property, set only on request; unset, netlib would load the system's libblas.so.3,
        // a second BLAS in the process
        return null;
      }
      System.setProperty(LIBRARY_PROPERTY, library);
    }
    // netlib logs a warning for each implementation it cannot load, its pure-Java ones included
    // (they want jdk.incubator.vector); Descent uses the native one or stages, and says which
    Level level = NETLIB_LOG.getLevel();
    NETLIB_LOG.setLevel(Level.OFF);
    try {
      return NativeBLAS.getInstance();
    } catch (RuntimeException | LinkageError e) {
      return null;
    } finally {
      NETLIB_LOG.setLevel(level);
    }
  }

  /**
   * The OpenBLAS shared library among those JavaCPP loaded, or null; null also where it is not a
   * {@code .so} (macOS, Windows), for which netlib ships no natives.
   */
  static String openBlasFile(Map<String, String> loaded) {
    for (String path : loaded.values()) {
      if (path != null && path.matches(".*/libopenblas[^/]*\\.so(\\.\\d+)*")) {
        return path;
      }
    }
    return null;
  }
}
