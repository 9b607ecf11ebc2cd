package dev.descent.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The memory lines of a process's {@code /proc/PID/status}, in KiB (-1 where the kernel does not
 * report one): {@code VmHWM} (peak resident set), {@code VmRSS}, and its parts {@code RssAnon}
 * (heap, stacks, JIT code, native buffers: what a process really costs) and {@code RssFile}
 * (mapped files, which the kernel can drop and read again).
 *
 * <pre>{@code
 * ProcStatus.parse("VmHWM:\t  102400 kB\nRssAnon:\t   51200 kB\n").rssAnonKib()   // 51200
 * }</pre>
 */
public record ProcStatus(long vmHwmKib, long vmRssKib, long rssAnonKib, long rssFileKib) {

  public static ProcStatus parse(String text) {
    return new ProcStatus(field(text, "VmHWM"), field(text, "VmRSS"), field(text, "RssAnon"), field(text, "RssFile"));
  }

  /** The status of process {@code pid}; empty once it has ended. */
  public static Optional<ProcStatus> of(long pid) {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
    } catch (IOException ended) {
      // no such file once the process is reaped, ESRCH if it ends while its status is being read
      return Optional.empty();
    }
  }

  /** This process's status; all -1 where there is no /proc. */
  public static ProcStatus self() {
    return of(ProcessHandle.current().pid()).orElse(new ProcStatus(-1, -1, -1, -1));
  }

  private static long field(String text, String key) {
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equals(key)) {
        String value = line.substring(colon + 1).strip();
        if (!value.endsWith("kB")) {
          throw new IllegalArgumentException("status line '" + line + "': expected a size in kB");
        }
        return Long.parseLong(value.substring(0, value.length() - 2).strip());
      }
    }
    return -1;
  }
}
