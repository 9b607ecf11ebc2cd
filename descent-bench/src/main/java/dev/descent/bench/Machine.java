package dev.descent.bench;

import dev.descent.tensor.Blas;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a benchmark ran: CPU model and cores, JVM and its options, OS, the OpenBLAS build and
 * threads ({@link Blas#describe()}), the kernel OpenBLAS runs ({@link Blas#kernel()}, null where it
 * cannot be asked), {@code OPENBLAS_CORETYPE} as the process started with it, and the load average
 * (others' work on a shared machine explains outliers). Every bench output carries one.
 *
 * <pre>{@code
 * Machine.current().cpu()   // "AMD EPYC" (the "model name" of /proc/cpuinfo)
 * }</pre>
 */
public record Machine(String cpu, int cores, String jvm, List<String> jvmOptions, String os, String blas,
    int blasThreads, String blasKernel, String openblasCoretype, double loadAverage) {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static final Path STATUS = Path.of("/proc/self/status");

  public static Machine current() {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Blas.describe(), Blas.threads(), Blas.kernel().orElse(null), System.getenv("OPENBLAS_CORETYPE"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** The "model name" line of /proc/cpuinfo; "unknown (why)" where it cannot be read. */
  static String cpuModel() {
    try {
      return procField(CPUINFO, "model name").orElse("unknown (no model name in " + CPUINFO + ")");
    } catch (IOException ex) {
      return "unknown (" + CPUINFO + ": " + ex + ")";
    }
  }

  /**
   * The process's peak resident set ({@code VmHWM} of /proc/self/status) in KiB; -1 where the
   * kernel does not report it (the reports then say "unavailable").
   */
  public static long peakResidentKib() {
    try {
      return procField(STATUS, "VmHWM").map(v -> Long.parseLong(v.replace("kB", "").strip())).orElse(-1L);
    } catch (IOException ex) {
      return -1;
    }
  }

  private static Optional<String> procField(Path file, String key) throws IOException {
    for (String line : Files.readAllLines(file)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
        return Optional.of(line.substring(colon + 1).strip());
      }
    }
    return Optional.empty();
  }
}
