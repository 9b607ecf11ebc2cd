package dev.descent.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Who holds a lock on a file, for messages: Java's {@code FileLock} does not say, so this reads
 * Linux's {@code /proc/locks} (one line a lock: {@code 1: POSIX ADVISORY WRITE PID MAJ:MIN:INODE
 * START END}) for a lock on the file's device and inode. Empty where there is no such file (other
 * systems) or no lock is listed.
 *
 * <pre>{@code
 * FileLocks.holder(Path.of("out/search.jsonl"));   // OptionalLong[31337]
 * }</pre>
 */
public final class FileLocks {
  private static final Path PROC_LOCKS = Path.of("/proc/locks");

  private FileLocks() {}

  public static OptionalLong holder(Path file) {
    try {
      if (!Files.isReadable(PROC_LOCKS)) {
        return OptionalLong.empty();
      }
      long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
      long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
      // glibc's gnu_dev_major / gnu_dev_minor
      long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
      long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
      return holder(Files.readAllLines(PROC_LOCKS), major, minor, inode);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return OptionalLong.empty();   // only a message's detail is lost
    }
  }

  static OptionalLong holder(List<String> lines, long major, long minor, long inode) {
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      // "N:" TYPE ADVISORY MODE PID DEVICE:INODE START END; a waiting request has "->" after N:
      if (f.length < 8 || f[1].equals("->")) {
        continue;
      }
      String[] where = f[5].split(":");
      try {
        if (where.length == 3 && Long.parseLong(where[2]) == inode && Long.parseLong(where[0], 16) == major
            && Long.parseLong(where[1], 16) == minor) {
          long pid = Long.parseLong(f[4]);
          if (pid > 0) {
            return OptionalLong.of(pid);
          }
        }
      } catch (NumberFormatException e) {
        // a line of another form: not a lock on this file
      }
    }
    return OptionalLong.empty();
  }
}
