package dev.descent.bench;

import dev.descent.io.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this class path in a child JVM and watches its memory: peak resident
 * memory is per process, so a workload whose footprint is the figure (a CSV load, an epoch over a
 * file larger than the heap) runs alone in a child, with the launcher's collector. {@code
 * /proc/PID/status} is sampled every {@value #SAMPLE_MILLIS} ms; the child's stdout and stderr go
 * to files in {@code workDir}.
 *
 * <pre>{@code
 * ChildJvm.Run r = ChildJvm.run(List.of("-Xmx256m"), "dev.descent.cli.Main", List.of("--version"), tmp);
 * r.peakRssAnonKib();   // e.g. 41 000
 * }</pre>
 */
final class ChildJvm {
  static final int SAMPLE_MILLIS = 50;

  private ChildJvm() {}

  /**
   * @param seconds wall time from start to exit
   * @param peakRssAnonKib the largest RssAnon sampled (-1 without /proc)
   * @param peakHwmKib the last VmHWM sampled: the peak resident set up to the last sample
   * @param samples how many status samples were taken
   */
  record Run(int exitCode, double seconds, long peakRssAnonKib, long peakHwmKib, int samples, String stdout,
      String stderr) {
    /** Stdout, or an exception naming the command's failure and the end of its stderr. */
    String stdoutOrThrow(String what) {
      if (exitCode != 0) {
        String tail = stderr.lines().skip(Math.max(0, stderr.lines().count() - 5)).reduce("", (a, b) -> a + "\n  " + b);
        throw new IllegalStateException(what + " failed in a child JVM (exit code " + exitCode + "):" + tail);
      }
      return stdout;
    }
  }

  static Run run(List<String> jvmOptions, String mainClass, List<String> args, Path workDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.awt.headless=true");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Path out = Files.createTempFile(workDir, "child", ".out");
    Path err = Files.createTempFile(workDir, "child", ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    long peakAnon = -1;
    long hwm = -1;
    int samples = 0;
    try {
      while (!p.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
        var status = ProcStatus.of(p.pid());
        if (status.isPresent()) {
          peakAnon = Math.max(peakAnon, status.get().rssAnonKib());
          hwm = Math.max(hwm, status.get().vmHwmKib());
          samples++;
        }
      }
    } finally {
      p.destroyForcibly();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      return new Run(p.exitValue(), seconds, peakAnon, hwm, samples, Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
