package dev.descent.cli.report;

import dev.descent.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Where and when a page was made: the Descent version, the machine (operating system, CPU,
 * cores, Java) and the time, printed under the title so that the seconds in a table can be
 * read against the machine that measured them.
 *
 * <pre>{@code
 * Provenance.current().line();
 * // Generated 2025-01-31 14:02 UTC by Descent 0.1.0 on Linux 6.1 amd64, Intel Xeon …, 2 cores, Java 17.0.13
 * }</pre>
 */
public record Provenance(String version, String machine, Instant generated) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  public static Provenance current() {
    return new Provenance(Version.CURRENT, describeMachine(), Instant.now());
  }

  public String line() {
    return "Generated " + TIME.format(generated) + " by Descent " + version + " on " + machine;
  }

  static String describeMachine() {
    StringBuilder sb = new StringBuilder();
    sb.append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(' ')
        .append(System.getProperty("os.arch"));
    String cpu = cpuModel();
    if (!cpu.isEmpty()) {
      sb.append(", ").append(cpu);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    sb.append(", ").append(cores).append(cores == 1 ? " core" : " cores");
    sb.append(", Java ").append(System.getProperty("java.version"));
    return sb.toString();
  }

  /** The CPU's name from /proc/cpuinfo on Linux; empty elsewhere (the rest of the line still identifies the machine). */
  private static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(info);
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
        }
      }
    } catch (IOException e) {
      // NOTE: the CPU's name is a courtesy on the page; a report must not fail for it
      return "";
    }
    return "";
  }
}
