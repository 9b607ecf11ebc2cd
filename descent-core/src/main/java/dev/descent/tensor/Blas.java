package dev.descent.tensor;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS native library: loading, thread count and a description for reports.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} once, when it loads; the {@code ./descent}
 * launcher sets it to the best kernel the CPU supports (see docs/design.md).
 */
public final class Blas {
  private static volatile boolean loaded;

  private Blas() {}

  static synchronized void ensureLoaded() {
    if (!loaded) {
      org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
      loaded = true;
    }
  }

  /** Sets the number of threads OpenBLAS uses for large products. */
  public static void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + ": must be at least 1");
    }
    ensureLoaded();
    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
  }

  public static int threads() {
    ensureLoaded();
    return org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
  }

  /**
   * The OpenBLAS version, the kernel requested through {@code OPENBLAS_CORETYPE} (if any), the
   * thread count and how operands reach it (see {@link OpenBlasGemm}).
   */
  public static String describe() {
    ensureLoaded();
    String core = System.getenv("OPENBLAS_CORETYPE");
    return openblas_nolapack.OPENBLAS_VERSION.strip() + ", kernel "
        + (core == null ? "auto-detected" : core) + ", " + threads() + " thread(s), "
        + (OpenBlasGemm.INSTANCE.inPlace() ? "Java arrays in place (netlib JNI)" : "operands staged in native buffers");
  }
}
