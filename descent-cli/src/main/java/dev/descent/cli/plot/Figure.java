package dev.descent.cli.plot;

import dev.descent.DescentException;
import dev.descent.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A drawn figure: the picture and the notes on what could not be drawn (non-finite values, values
 * ≤ 0 on a log axis), one sentence each, for the caller to print. Write it with {@link #writePng}
 * (atomic: a temporary file in the same directory, then a rename, so a reader never sees half a
 * PNG) or embed {@link #pngBytes} (e.g. base64 in an HTML report).
 *
 * <pre>{@code
 * Figure figure = Figures.standard().xy(plot);
 * figure.writePng(Path.of("runs/cost.png"));
 * figure.notes();  // ["series 'sgd': 3 of 100 points not drawn (non-finite y from index 97)"]
 * }</pre>
 */
public final class Figure {
  private final BufferedImage image;
  private final List<String> notes;

  Figure(BufferedImage image, List<String> notes) {
    this.image = image;
    this.notes = List.copyOf(notes);
  }

  public int width() {
    return image.getWidth();
  }

  public int height() {
    return image.getHeight();
  }

  /** What was left out of the drawing and why; empty when everything was drawn. */
  public List<String> notes() {
    return notes;
  }

  /** The figure encoded as PNG. */
  public byte[] pngBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      encode(out);
    } catch (IOException e) {
      // NOTE: a ByteArrayOutputStream cannot fail; an IOException here is a bug in PngWriter
      throw new UncheckedIOException("PNG encoding failed in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the PNG to {@code file}, creating missing parent directories, replacing an existing
   * file atomically.
   *
   * @throws DescentException naming the file when it cannot be written
   */
  public void writePng(Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new DescentException(
          "cannot write the figure: this is a directory; give a file name ending in .png",
          target.toString(), -1, -1, null);
    }
    try {
      AtomicFile.write(target, this::encode);
    } catch (IOException e) {
      throw new DescentException(
          "cannot write the figure: " + reason(e, target) + "; choose a writable directory",
          target.toString(), -1, -1, e);
    }
  }

  private void encode(OutputStream out) throws IOException {
    PngWriter.write(image, out);
  }

  private static String reason(IOException e, Path target) {
    if (e instanceof AccessDeniedException a) {
      Path denied = Path.of(a.getFile()).toAbsolutePath();
      // the temporary file or the target itself: the directory does not let us write
      return target.getParent().equals(denied.getParent())
          ? "directory " + target.getParent() + " is not writable (permission denied)"
          : "permission denied on " + denied;
    }
    if (e instanceof FileAlreadyExistsException a) {
      return a.getFile() + " exists and is not a directory";
    }
    if (e instanceof NoSuchFileException a) {
      return "no such file or directory " + a.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + " (" + f.getFile() + ")";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

}
