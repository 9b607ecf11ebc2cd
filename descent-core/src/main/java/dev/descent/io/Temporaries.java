package dev.descent.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The temporary files and directories of writes in progress, removed by a shutdown hook when the
 * process ends before they are moved into place (Ctrl-C, SIGTERM, {@code System.exit}). A
 * SIGKILL runs no hook: what it leaves is named after the dead process's id, which {@link
 * AtomicFile} recognizes and removes at the next write of the same file.
 *
 * <pre>{@code
 * Path temp = Temporaries.create(dir.resolve(".model.descent.4242.1a2b.tmp"));   // an empty file, registered
 * // … write it, move it into place …
 * Temporaries.release(temp);
 * }</pre>
 */
public final class Temporaries {
  // NOTE: one registry per process, like the shutdown hook that empties it: a hook is process-wide
  private static final Set<Path> PENDING = new LinkedHashSet<>();
  private static boolean hooked;
  private static boolean exiting;

  private Temporaries() {}

  /**
   * Creates the empty file {@code file} (mode 0666 less the umask, as any new file) and registers
   * it; refused once the process is shutting down, so that nothing is created after the hook ran.
   */
  public static Path create(Path file) throws IOException {
    synchronized (PENDING) {
      refuseWhenExiting(file);
      Files.createFile(file);
      PENDING.add(file);
      return file;
    }
  }

  /** Creates the directory {@code dir} and registers it (and all it will hold). */
  public static Path createDirectory(Path dir) throws IOException {
    synchronized (PENDING) {
      refuseWhenExiting(dir);
      Files.createDirectory(dir);
      PENDING.add(dir);
      return dir;
    }
  }

  /** Forgets {@code path}: it has been moved into place or deleted. */
  public static void release(Path path) {
    synchronized (PENDING) {
      PENDING.remove(path);
    }
  }

  /** The paths registered and not released, for tests. */
  static Set<Path> pending() {
    synchronized (PENDING) {
      return Set.copyOf(PENDING);
    }
  }

  private static void refuseWhenExiting(Path path) throws IOException {
    if (exiting) {
      throw new IOException("the process is shutting down; not creating " + path);
    }
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::removeAll, "descent-temporaries"));
      hooked = true;
    }
  }

  private static void removeAll() {
    synchronized (PENDING) {
      exiting = true;
      for (Path p : PENDING) {
        try {
          delete(p);
        } catch (IOException e) {
          // the process is ending and has no one left to tell; a leftover is removed at the next write
        }
      }
      PENDING.clear();
    }
  }

  /** Deletes {@code root}, a file or a directory tree; nothing when it is gone (moved into place). */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
