package dev.descent.tensor;

import java.util.Optional;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS native library: loading (with the kernel request of {@link OpenBlasKernel}), thread
 * count, the kernel it runs and a description for reports.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} once, when it loads; {@link OpenBlasKernel} sets
 * it just before, to the best kernel the CPU supports (see docs/design.md). The kernel it then
 * runs is asked once: it cannot change while the process lives.
 *
 * <pre>{@code
 * Blas.kernel()   // Optional[Zen] on an AMD EPYC of 2020, Optional[SkylakeX] on a Xeon with AVX-512
 * }</pre>
 */
public final class Blas {
  private static volatile boolean loaded;
  private static OpenBlasKernel.Request request;
  private static OpenBlasKernel.Report report;
  /** The OpenBLAS file JavaCPP loaded (null where there is none to name), found once at load. */
  private static String libraryFile;

  private Blas() {}

  static synchronized void ensureLoaded() {
    if (!loaded) {
      String variable = System.getenv(OpenBlasKernel.VARIABLE);
      OpenBlasKernel.Request wanted = OpenBlasKernel.request(variable, System.getProperty(OpenBlasKernel.PROPERTY),
          OpenBlasKernel.cpuFlags());
      request = OpenBlasKernel.apply(wanted, variable);
      org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
      libraryFile = ArrayBlas.openBlasFile(org.bytedeco.javacpp.Loader.getLoadedLibraries());
      report = OpenBlasKernel.inUse(libraryFile);
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
    // JavaCPP's wrapper answers -1 until its setter has run once; OpenBLAS itself knows
    int threads = OpenBlasKernel.threads(libraryFile);
    return threads >= 1 ? threads : org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
  }

  /**
   * OpenBLAS's name for the kernels it runs (its {@code openblas_get_corename}); empty where it
   * cannot be asked (no Linux library file, or no way to call C here).
   */
  public static Optional<String> kernel() {
    ensureLoaded();
    return Optional.ofNullable(report.kernel());
  }

  /**
   * The OpenBLAS version, the kernel in use and who chose it, the thread count and how operands
   * reach it (see {@link OpenBlasGemm}).
   */
  public static String describe() {
    ensureLoaded();
    return openblas_nolapack.OPENBLAS_VERSION.strip() + ", kernel " + kernelAndReason() + ", " + threads()
        + " thread(s), "
        + (OpenBlasGemm.INSTANCE.inPlace() ? "Java arrays in place (netlib JNI)" : "operands staged in native buffers");
  }

  private static String kernelAndReason() {
    if (report.kernel() == null) {
      return "not reported (" + report.whyNot() + "; " + request.reason() + ")";
    }
    String asked = request.coreType();
    if (asked != null && !asked.strip().equalsIgnoreCase(report.kernel())) {
      // OpenBLAS takes a name it does not know without a word and runs its default kernels
      return report.kernel() + " (" + request.reason()
          + ": not a kernel name this OpenBLAS knows, so it runs its default)";
    }
    return report.kernel() + " (" + request.reason() + ")";
  }
}
