package dev.descent.data.io;

import dev.descent.DescentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A data file checked to exist and be readable, and the one place that turns I/O failures into
 * {@link DescentException}s naming it.
 */
final class InputFile {
  private final Path path;
  private final long size;

  private InputFile(Path path, long size) {
    this.path = path;
    this.size = size;
  }

  static InputFile open(Path path) {
    if (Files.isDirectory(path)) {
      throw new DescentException("is a directory, not a data file", path.toString(), -1, -1, null);
    }
    try {
      return new InputFile(path, Files.size(path));
    } catch (IOException e) {
      throw ioError(path, e);
    }
  }

  /** The message for a failed read: no such file, permission denied, or the system's reason. */
  static DescentException ioError(Path path, IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      Path absolute = path.toAbsolutePath().getParent();
      reason = "no such file" + (absolute == null ? "" : " (looked in " + absolute + ")");
    } else if (e instanceof AccessDeniedException) {
      reason = "cannot be read: permission denied";
    } else {
      reason = "cannot be read: " + e;
    }
    return new DescentException(reason, path.toString(), -1, -1, e);
  }

  Path path() {
    return path;
  }

  String name() {
    return path.toString();
  }

  long size() {
    return size;
  }

  DescentException error(String message) {
    return new DescentException(message, name(), -1, -1, null);
  }

  DescentException error(String message, Throwable cause) {
    return new DescentException(message, name(), -1, -1, cause);
  }

  DescentException error(long line, int column, String message) {
    return new DescentException(message, name(), line, column, null);
  }

  DescentException ioError(IOException e) {
    return ioError(path, e);
  }

  /** Up to {@code n} bytes from the start of the file. */
  byte[] head(int n) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private static void closeQuietlyAfter(InputStream in, IOException failure) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** True when the file starts with gzip's magic bytes 1f 8b. */
  boolean isGzip() {
    byte[] magic = head(2);
    return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
  }

  /** The file's bytes, decompressed when it is gzip (by its magic, not its name). */
  InputStream openDecompressed() {
    boolean gzip = isGzip();
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    } catch (IOException e) {
      closeQuietlyAfter(in, e);
      throw gzip ? error("is not a valid gzip file (" + e.getMessage() + ")", e) : ioError(e);
    }
  }
}
