package dev.descent.tensor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which of OpenBLAS's kernel sets (its "core type": Haswell, Zen, SkylakeX, …) runs: the one
 * asked for before the library loads, and the one the library reports after.
 *
 * <p>Why: OpenBLAS picks its kernels by CPU detection when it loads, reading
 * {@code OPENBLAS_CORETYPE} once, and on some AVX-512 machines it falls back to its AVX2 (Haswell)
 * kernels; asking for SkylakeX there nearly doubled sgemm. A Java program cannot change its own
 * environment, so the request goes through the C library's {@code setenv}, before OpenBLAS loads,
 * and only in a process that asked to be tuned ({@link Blas#tuneProcess()}, which the
 * {@code descent} command calls): a library does not change its host's environment unasked. The
 * opposite mistake is guarded too: an AVX-512 kernel forced on a CPU without AVX-512 stops the
 * JVM with an illegal instruction at the first product.
 *
 * <p>The request in a tuned process, first that applies: {@code OPENBLAS_CORETYPE} (the user's;
 * kept, unless it names a kernel whose instructions this CPU lacks, which is then dropped); the
 * system property {@value #PROPERTY} (for a JVM whose environment the user does not control);
 * SkylakeX where {@code /proc/cpuinfo} lists every AVX-512 subset those kernels use; else none,
 * and OpenBLAS detects the CPU itself. Untuned, the environment stays as the program found it
 * ({@link #untouched}).
 *
 * <pre>{@code
 * Blas.describe()   // "OpenBLAS 0.3.28, kernel Zen (OpenBLAS's detection), 2 thread(s), …"
 * }</pre>
 */
final class OpenBlasKernel {
  static final String VARIABLE = "OPENBLAS_CORETYPE";
  static final String PROPERTY = "descent.openblas.coretype";
  static final String SKYLAKE_X = "SkylakeX";
  private static final List<String> SKYLAKE_X_FLAGS = List.of("avx512f", "avx512bw", "avx512vl", "avx512dq");
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  /**
   * The /proc/cpuinfo flags each kernel set executes (lower-case names, as OpenBLAS compares
   * them); a name missing here is not checked.
   */
  private static final Map<String, List<String>> REQUIRED_FLAGS = Map.of(
      "haswell", List.of("avx2", "fma"),
      "zen", List.of("avx2", "fma"),
      "skylakex", SKYLAKE_X_FLAGS,
      "cooperlake", List.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_bf16"),
      "sapphirerapids", List.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_bf16"));

  private OpenBlasKernel() {}

  /**
   * The kernel to ask OpenBLAS for and why: {@code coreType} is what {@code OPENBLAS_CORETYPE}
   * must hold when OpenBLAS loads, null for unset (OpenBLAS then detects the CPU).
   */
  record Request(String coreType, String reason) {}

  /**
   * The request from the variable's value, the system property's and the CPU's flags (null
   * flags: unknown, and nothing is checked or chosen by them).
   */
  static Request request(String variable, String property, Set<String> cpuFlags) {
    if (variable != null && !variable.isBlank()) {
      return named(variable, VARIABLE, "dropped", cpuFlags);
    }
    if (property != null && !property.isBlank()) {
      return named(property, PROPERTY, "ignored", cpuFlags);
    }
    if (cpuFlags != null && cpuFlags.containsAll(SKYLAKE_X_FLAGS)) {
      return new Request(SKYLAKE_X, "Descent's choice for a CPU with AVX-512");
    }
    return new Request(null, "OpenBLAS's detection");
  }

  /**
   * What OpenBLAS reads in a process that was not tuned: the variable as the program started
   * with it; a kernel named by the property is not applied, and the reason says so.
   */
  static Request untouched(String variable, String property) {
    boolean set = variable != null && !variable.isBlank();
    String reason = set ? VARIABLE + "=" + variable : "OpenBLAS's detection";
    if (property != null && !property.isBlank()) {
      reason += "; " + PROPERTY + "=" + property + " not applied: the process is not tuned (Blas.tuneProcess() or -D"
          + Blas.TUNE_PROPERTY + "=true)";
    }
    return new Request(set ? variable : null, reason);
  }

  /** The kernel the user named through {@code source}, unless this CPU cannot execute it. */
  private static Request named(String coreType, String source, String refusal, Set<String> cpuFlags) {
    List<String> missing = missingFlags(coreType, cpuFlags);
    if (missing.isEmpty()) {
      return new Request(coreType, source + "=" + coreType);
    }
    return new Request(null, source + "=" + coreType + " " + refusal + ": this CPU lacks " + String.join(", ", missing)
        + ", which those kernels execute");
  }

  private static List<String> missingFlags(String coreType, Set<String> cpuFlags) {
    List<String> required = REQUIRED_FLAGS.getOrDefault(coreType.strip().toLowerCase(Locale.ROOT), List.of());
    List<String> missing = new ArrayList<>();
    if (cpuFlags != null) {
      for (String flag : required) {
        if (!cpuFlags.contains(flag)) {
          missing.add(flag);
        }
      }
    }
    return missing;
  }

  /** The words of the first "flags" line of /proc/cpuinfo's text; null when there is none. */
  static Set<String> cpuFlags(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals("flags")) {
        return new HashSet<>(Arrays.asList(line.substring(colon + 1).strip().split("\\s+")));
      }
    }
    return null;
  }

  /** This machine's CPU flags; null where /proc/cpuinfo cannot be read (not Linux). */
  static Set<String> cpuFlags() {
    try {
      return Files.isReadable(CPUINFO) ? cpuFlags(Files.readAllLines(CPUINFO)) : null;
    } catch (IOException ex) {
      return null;
    }
  }

  /**
   * Makes the process environment say what {@code request} asks, before OpenBLAS loads; returns
   * what OpenBLAS will read: the request, or, where the C library could not be reached, the
   * variable as it was, with the reason extended.
   */
  static Request apply(Request request, String variable) {
    String current = variable == null || variable.isBlank() ? null : variable;
    if (Objects.equals(request.coreType(), current)) {
      return request;
    }
    String failure;
    try {
      CLibrary c = Native.load("c", CLibrary.class);
      int status = request.coreType() == null ? c.unsetenv(VARIABLE) : c.setenv(VARIABLE, request.coreType(), 1);
      if (status == 0) {
        return request;
      }
      failure = "setenv returned " + status;
    } catch (LinkageError ex) {
      failure = ex.getMessage();
    }
    return new Request(current, request.reason() + " (not applied: " + failure + ")");
  }

  /** OpenBLAS's answer about its kernel: the name, or why it could not be asked (one of the two is null). */
  record Report(String kernel, String whyNot) {}

  /**
   * OpenBLAS's name for the kernels it runs ({@code openblas_get_corename}), asked of the library
   * file JavaCPP loaded.
   */
  static Report inUse(String libraryFile) {
    if (libraryFile == null) {
      return new Report(null, "no OpenBLAS shared library file among those JavaCPP loaded");
    }
    try {
      return new Report(library(libraryFile).openblas_get_corename(), null);
    } catch (LinkageError ex) {
      return new Report(null, "cannot call OpenBLAS through JNA here: " + ex.getMessage());
    }
  }

  /** OpenBLAS's thread count ({@code openblas_get_num_threads}); -1 when it cannot be asked. */
  static int threads(String libraryFile) {
    try {
      return libraryFile == null ? -1 : library(libraryFile).openblas_get_num_threads();
    } catch (LinkageError ex) {
      return -1;
    }
  }

  private static OpenBlasLibrary library(String libraryFile) {
    // the file is loaded already: the loader hands back the same library, with its state
    return Native.load(libraryFile, OpenBlasLibrary.class);
  }

  /** The C library's environment calls (the interface must be public for JNA's proxy). */
  public interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);

    int unsetenv(String name);

    /** The process environment as it is now ({@code System.getenv} is a copy taken at start). */
    String getenv(String name);
  }

  /** {@code name} in the C library's environment now, for tests; null where unset. */
  static String environment(String name) {
    return Native.load("c", CLibrary.class).getenv(name);
  }

  /** The two OpenBLAS functions JavaCPP's bindings leave out. */
  public interface OpenBlasLibrary extends Library {
    String openblas_get_corename();

    int openblas_get_num_threads();
  }
}
