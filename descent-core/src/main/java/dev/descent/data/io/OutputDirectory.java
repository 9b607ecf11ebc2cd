package dev.descent.data.io;

import dev.descent.DescentException;
import dev.descent.io.Temporaries;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory written whole or not at all: the files go into {@code out.tmp-<pid>} beside it,
 * which {@link #commit} renames to {@code out} (an existing one is moved aside first and deleted
 * after) and {@link #abandon} deletes.
 */
final class OutputDirectory {
  private final Path out;
  private final String name;
  private final Path temporary;

  private OutputDirectory(Path out, String name, Path temporary) {
    this.out = out;
    this.name = name;
    this.temporary = temporary;
  }

  /**
   * Refuses an {@code out} that is a file, or a non-empty directory unless {@code replace} (and
   * even then when it holds {@code source}), then creates the temporary directory.
   */
  static OutputDirectory prepare(Path out, boolean replace, Path source) {
    Path absolute = out.toAbsolutePath().normalize();
    String name = "--out " + out;
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new DescentException(name + ": is a file, not a directory; choose a new directory name");
    }
    if (Files.isDirectory(absolute) && !isEmpty(absolute, name)) {
      if (!replace) {
        throw new DescentException(name + ": the directory exists and is not empty; add --force to replace"
            + " it once the conversion is complete, or choose another --out");
      }
      if (source.toAbsolutePath().normalize().startsWith(absolute)) {
        throw new DescentException(name + ": holds the input file " + source + ", which --force would delete;"
            + " choose another --out");
      }
    }
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(absolute.getParent());
      delete(temporary);   // left by an earlier process with our id, which cannot still be running
      Temporaries.createDirectory(temporary);   // removed by a shutdown hook if the process is interrupted
    } catch (IOException e) {
      throw new DescentException(name + ": cannot create " + temporary + " (" + DescentException.reason(e) + ")", e);
    }
    return new OutputDirectory(absolute, name, temporary);
  }

  Path temporary() {
    return temporary;
  }

  /** Renames the complete temporary directory to {@code out}, replacing what was there. */
  void commit() {
    Path old = out.resolveSibling(out.getFileName() + ".old-" + ProcessHandle.current().pid());
    try {
      if (Files.exists(out)) {
        delete(old);
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
          throw e;
        }
        delete(old);
      } else {
        Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE);
      }
      Temporaries.release(temporary);
    } catch (IOException e) {
      throw new DescentException(name + ": cannot move the converted data into place ("
          + DescentException.reason(e) + ")", e);
    }
  }

  /** Deletes the temporary directory after {@code failure}; a failure to delete is added to it. */
  void abandon(Throwable failure) {
    try {
      delete(temporary);
      Temporaries.release(temporary);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean isEmpty(Path dir, String name) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      throw new DescentException(name + ": cannot list the directory (" + DescentException.reason(e) + ")", e);
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }
}
