package dev.descent.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: into a temporary file beside it ({@code .NAME.PID.N.tmp},
 * created as any new file is, so with mode 0666 less the umask: 0644 under 022, as {@code cp}
 * gives), then renamed over it, so a reader or a crash sees the old file or the new one, never
 * half of one. The one copy of this in Descent: models, checkpoints, predictions, plots and
 * reports all go through it.
 *
 * <ul>
 *   <li>A symbolic link is followed: its target is replaced atomically and the link stays.
 *   <li>A FIFO or a character device ({@code /dev/stdout}, a terminal) is written through,
 *       in place: it cannot be replaced, and is not a file to be half-written.
 *   <li>A directory, a block device or a socket is refused.
 *   <li>The temporary file is removed if the write fails or the process is interrupted ({@link
 *       Temporaries}); one left by a killed process is recognized by its dead process id and
 *       removed at the next write of the same file.
 * </ul>
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("out/predictions.csv"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFile {
  private static final AtomicLong COUNTER = new AtomicLong();
  // file types in st_mode (POSIX <sys/stat.h>)
  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;

  private AtomicFile() {}

  /** What to write: bytes to {@code out}, which the caller must not close. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code content} to {@code target} atomically (or through a FIFO or device). */
  public static void write(Path target, Content content) throws IOException {
    write(target, content, false);
  }

  /** {@link #write}, forcing the data to disk before the rename: a power loss leaves the old file or the new one. */
  public static void writeDurably(Path target, Content content) throws IOException {
    write(target, content, true);
  }

  private static void write(Path target, Content content, boolean durable) throws IOException {
    Path file = followLinks(target.toAbsolutePath());
    Path dir = file.getParent();
    Files.createDirectories(dir);
    BasicFileAttributes existing = attributes(file);
    if (existing != null && existing.isDirectory()) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    if (existing != null && existing.isOther()) {
      writeThrough(target, file, content);
      return;
    }
    String prefix = "." + file.getFileName() + ".";
    removeStale(dir, prefix);
    Path temp = newTemporary(dir, prefix);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        if (durable) {
          channel.force(true);
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      Temporaries.release(temp);
    }
  }

  /** The file a chain of symbolic links ends at (which may not exist yet). */
  static Path followLinks(Path path) throws IOException {
    Path p = path;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      p = p.resolveSibling(Files.readSymbolicLink(p));
    }
    return p;
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** A FIFO or character device is opened and written as it is; anything else special is refused. */
  private static void writeThrough(Path target, Path file, Content content) throws IOException {
    int type = fileType(file);
    if (type != FIFO && type != CHARACTER_DEVICE && type != -1) {
      throw new FileSystemException(target.toString(), null,
          "is neither a regular file, a FIFO nor a character device (a block device or socket); give a file name");
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16)) {
      content.writeTo(out);
    }
  }

  /** The file type bits of st_mode, or −1 where the file system does not say. */
  private static int fileType(Path file) throws IOException {
    try {
      return ((Integer) Files.getAttribute(file, "unix:mode")) & TYPE_MASK;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }

  private static Path newTemporary(Path dir, String prefix) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(prefix + pid + "." + COUNTER.incrementAndGet() + ".tmp");
      try {
        return Temporaries.create(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;   // a hundred leftovers under our own process id: something else is writing them
        }
        // left by an earlier process that had our id: it cannot still be running
      }
    }
  }

  /** Removes {@code PREFIX.PID.N.tmp} files of processes that no longer run (killed mid-write). */
  private static void removeStale(Path dir, String prefix) {
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
      String name = p.getFileName().toString();
      return name.startsWith(prefix) && name.endsWith(".tmp");
    })) {
      for (Path p : entries) {
        String middle = p.getFileName().toString();
        middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
        int dot = middle.indexOf('.');
        long pid;
        try {
          pid = Long.parseLong(dot < 0 ? middle : middle.substring(0, dot));
        } catch (NumberFormatException e) {
          continue;   // not one of ours
        }
        if (pid != self && ProcessHandle.of(pid).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // a leftover we cannot list or delete is harmless: no write reads or reuses it
    }
  }
}
