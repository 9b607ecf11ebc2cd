package dev.descent.tensor;

import java.util.Optional;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS native library: loading, thread count, the kernel it runs and a description for
 * reports; and the pure-Java route where OpenBLAS is not there.
 *
 * <p>As a library, Descent leaves its process as it found it: OpenBLAS loads at the first large
 * product and reads the environment the program started with. A program that wants the fastest
 * setup asks for it before its first product, with {@link #tuneProcess()} or
 * {@code -D}{@value #TUNE_PROPERTY}{@code =true}; the {@code descent} command does so at start.
 * Tuning sets {@code OPENBLAS_CORETYPE} through libc's {@code setenv} (see {@link OpenBlasKernel})
 * and netlib's system property {@code dev.ludovic.netlib.blas.nativeLibPath} (see
 * {@link ArrayBlas}: OpenBLAS then works on the Java arrays in place instead of copies).
 *
 * <p>Where OpenBLAS has no native build for the platform or fails to load, or where
 * {@code -D}{@value #BACKEND_PROPERTY}{@code =java} asks for it, every product runs in
 * {@link LoopGemm}, with one notice line on standard error.
 *
 * <pre>{@code
 * Blas.tuneProcess();   // first thing in main, before any product
 * Blas.kernel()         // Optional[Zen] on an AMD EPYC of 2020, Optional[SkylakeX] on a Xeon with AVX-512
 * }</pre>
 */
public final class Blas {
  /** {@code openblas} (the default) or {@code java}: the pure-Java products, OpenBLAS never loaded. */
  public static final String BACKEND_PROPERTY = "descent.blas";
  /** {@code true}: as {@link #tuneProcess()}, for a program whose code cannot call it. */
  public static final String TUNE_PROPERTY = "descent.blas.tune";

  private static volatile boolean loaded;
  private static boolean tuneRequested;
  private static boolean tuned;
  /** Null while OpenBLAS runs; else why products run in Java. */
  private static String javaReason;
  private static OpenBlasKernel.Request request;
  private static OpenBlasKernel.Report report;
  /** The OpenBLAS file JavaCPP loaded (null where there is none to name), found once at load. */
  private static String libraryFile;

  private Blas() {}

  /**
   * Lets Descent set up this process for speed when OpenBLAS loads: OpenBLAS's kernel chosen
   * through {@code setenv} (the rule of {@link OpenBlasKernel}) and netlib's system property
   * pointed at OpenBLAS. Call it before the first matrix product; again later, it does nothing.
   *
   * @throws IllegalStateException if OpenBLAS was loaded already without it
   */
  public static synchronized void tuneProcess() {
    if (loaded && !tuned && javaReason == null) {
      throw new IllegalStateException("Blas.tuneProcess(): OpenBLAS is loaded already, untuned; call it before the "
          + "first matrix product (first thing in main), or start the JVM with -D" + TUNE_PROPERTY + "=true");
    }
    tuneRequested = true;
  }

  static synchronized void ensureLoaded() {
    if (loaded) {
      return;
    }
    String backend = System.getProperty(BACKEND_PROPERTY, "openblas").strip();
    if (backend.equals("java")) {
      useJava(BACKEND_PROPERTY + "=java");
      return;
    }
    if (!backend.equals("openblas")) {
      throw new IllegalArgumentException("-D" + BACKEND_PROPERTY + "=" + backend
          + ": must be openblas (the default) or java (products in plain Java loops)");
    }
    String variable = System.getenv(OpenBlasKernel.VARIABLE);
    String property = System.getProperty(OpenBlasKernel.PROPERTY);
    boolean tune = tuneRequested || Boolean.parseBoolean(System.getProperty(TUNE_PROPERTY));
    if (tune) {
      request = OpenBlasKernel.apply(OpenBlasKernel.request(variable, property, OpenBlasKernel.cpuFlags()), variable);
    } else {
      request = OpenBlasKernel.untouched(variable, property);
    }
    try {
      org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
    } catch (LinkageError | RuntimeException ex) {
      String platform = org.bytedeco.javacpp.Loader.getPlatform();
      useJava("OpenBLAS did not load on " + platform + " (" + firstLine(ex) + "; a build with -Djavacpp.platform="
          + platform + " bundles its natives where bytedeco publishes them)");
      return;
    }
    libraryFile = ArrayBlas.openBlasFile(org.bytedeco.javacpp.Loader.getLoadedLibraries());
    report = OpenBlasKernel.inUse(libraryFile);
    tuned = tune;
    loaded = true;
  }

  private static void useJava(String reason) {
    javaReason = reason;
    loaded = true;
    // NOTE: the one notice; a silent switch would hide a slower run (large layers, several times)
    System.err.println("descent: " + reason + "; matrix products run in plain Java (LoopGemm), slower for large layers");
  }

  private static String firstLine(Throwable ex) {
    String text = ex.toString();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** True when OpenBLAS runs the large products; false when every product runs in Java. */
  public static boolean available() {
    ensureLoaded();
    return javaReason == null;
  }

  /** True when this process was tuned for OpenBLAS ({@link #tuneProcess()}) before it loaded. */
  static boolean tuned() {
    ensureLoaded();
    return tuned;
  }

  /** Sets the number of threads OpenBLAS uses for large products (Java products run on the caller's thread). */
  public static void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + ": must be at least 1");
    }
    if (available()) {
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }
  }

  public static int threads() {
    if (!available()) {
      return 1;
    }
    // JavaCPP's wrapper answers -1 until its setter has run once; OpenBLAS itself knows
    int threads = OpenBlasKernel.threads(libraryFile);
    return threads >= 1 ? threads : org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
  }

  /**
   * OpenBLAS's name for the kernels it runs (its {@code openblas_get_corename}); empty where it
   * cannot be asked (no Linux library file, no way to call C here, or no OpenBLAS).
   */
  public static Optional<String> kernel() {
    return available() ? Optional.ofNullable(report.kernel()) : Optional.empty();
  }

  /**
   * The OpenBLAS version, the kernel in use and who chose it, the thread count and how operands
   * reach it (see {@link OpenBlasGemm}); or why products run in Java.
   */
  public static String describe() {
    if (!available()) {
      return "no OpenBLAS, products in plain Java (" + javaReason + ")";
    }
    return openblas_nolapack.OPENBLAS_VERSION.strip() + ", kernel " + kernelAndReason() + ", " + threads()
        + " thread(s), "
        + (OpenBlasGemm.INSTANCE.inPlace() ? "Java arrays in place (netlib JNI)"
            : "operands staged in native buffers" + (tuned ? "" : " (process not tuned)"));
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
