package dev.descent.cli.report;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * A PNG embedded in the page as {@code data:image/png;base64,…}, so the page needs no other
 * file to be viewed or mailed. Its pixel size (read from the PNG header) goes into the
 * {@code img} tag, and the stylesheet scales it down to the column; a wide image (cost curves)
 * spans the figure grid.
 *
 * <pre>{@code
 * Image.of(Path.of("out/cost.png"), "Cost per epoch", true);
 * }</pre>
 */
public final class Image {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] IHDR = {'I', 'H', 'D', 'R'};

  private final String caption;
  private final String alt;
  private final byte[] png;
  private final int width;
  private final int height;
  private final boolean wide;

  private Image(String caption, String alt, byte[] png, int width, int height, boolean wide) {
    this.caption = caption;
    this.alt = alt;
    this.png = png.clone();
    this.width = width;
    this.height = height;
    this.wide = wide;
  }

  /** Reads {@code file}, which must be a PNG. */
  public static Image of(Path file, String caption, boolean wide) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DescentException("plot not found; the experiment listed a file it did not write", file.toString(), -1, -1, e);
    } catch (IOException e) {
      throw new DescentException("cannot read the plot (" + e.getClass().getSimpleName() + ")", file.toString(), -1, -1, e);
    }
    return of(bytes, caption, wide, file.toString());
  }

  /** PNG bytes from memory ({@code Figure.pngBytes()}); {@code source} names them in errors. */
  public static Image of(byte[] png, String caption, boolean wide, String source) {
    // a PNG opens with its 8-byte signature, then the IHDR chunk: length, "IHDR", width, height
    if (png.length < 24 || !Arrays.equals(png, 0, 8, SIGNATURE, 0, 8) || !Arrays.equals(png, 12, 16, IHDR, 0, 4)) {
      throw new DescentException("not a PNG image (" + png.length + " bytes without the PNG signature and header); "
          + "plots must be written as .png", source, -1, -1, null);
    }
    return new Image(caption, caption, png, readInt(png, 16), readInt(png, 20), wide);
  }

  /** The same image whose alt text (what a screen reader says, or a browser without images shows) is {@code text}. */
  public Image withAlt(String text) {
    return new Image(caption, text, png, width, height, wide);
  }

  /** What the image shows, for its alt attribute; the caption unless {@link #withAlt} said otherwise. */
  public String alt() {
    return alt;
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  /** Width and height in pixels, from the PNG header. */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public byte[] png() {
    return png.clone();
  }

  public String dataUri() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  void render(StringBuilder html) {
    html.append("<figure").append(wide ? " class=\"wide\"" : "").append("><img src=\"").append(dataUri())
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" alt=\"").append(Html.text(alt)).append("\">")
        .append("<figcaption>").append(Html.text(caption)).append("</figcaption></figure>\n");
  }
}
