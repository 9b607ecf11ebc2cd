package dev.descent.export;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an exported file as the model files are written: to a temporary file beside it, synced, then moved into place. */
final class ExportFile {
  private ExportFile() {}

  static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      try {
        Files.createDirectories(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        throw new DescentException("cannot write " + target + ": " + e.getFile() + " is a file, not a directory", e);
      }
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new DescentException("cannot write " + target + ": " + DescentException.reason(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed and says so; a leftover hidden .tmp file is harmless
        }
      }
    }
  }
}
