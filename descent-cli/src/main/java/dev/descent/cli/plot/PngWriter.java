package dev.descent.cli.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an image as a PNG (ISO/IEC 15948): 8-bit RGB, not interlaced, every row with filter
 * type 0 (none), all rows in one zlib stream at {@link Deflater#BEST_SPEED}, in one IDAT chunk.
 *
 * <p>Why not {@code ImageIO.write}: in a short command most of its time is its own start (the
 * plug-in registry) and Java loops that a cold JVM first interprets and then compiles (each row
 * converted sample by sample and tried with every PNG filter), where this hands the rows to the
 * JDK's native zlib. Figures are flat colours, lines and text, which deflate compresses well
 * unfiltered; the files are within about 1.5 times of ImageIO's sizes. Alpha is dropped: figures
 * are opaque.
 *
 * <pre>{@code
 * PngWriter.write(image, out);   // image.getRGB(x, y) & 0xffffff is what a reader gets back
 * }</pre>
 */
final class PngWriter {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** IHDR's colour type for RGB triples. */
  private static final int TRUECOLOUR = 2;

  private PngWriter() {}

  static void write(BufferedImage image, OutputStream out) throws IOException {
    int width = image.getWidth();
    int height = image.getHeight();
    DataOutputStream data = new DataOutputStream(out);
    data.write(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream h = new DataOutputStream(header);
    h.writeInt(width);
    h.writeInt(height);
    h.writeByte(8);            // bits per sample
    h.writeByte(TRUECOLOUR);
    h.writeByte(0);            // deflate
    h.writeByte(0);            // adaptive filtering (each row names its filter)
    h.writeByte(0);            // not interlaced
    chunk(data, "IHDR", header.toByteArray(), header.size());
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
      byte[] line = new byte[1 + 3 * width];   // line[0] = 0: filter type none
      int[] argb = new int[width];
      int[] pixels = packedRgb(image);
      for (int y = 0; y < height; y++) {
        int from = y * width;
        if (pixels == null) {
          image.getRGB(0, y, width, 1, argb, 0, width);
          from = 0;
        }
        int[] row = pixels == null ? argb : pixels;
        for (int x = 0, at = 1; x < width; x++, at += 3) {
          int rgb = row[from + x];
          line[at] = (byte) (rgb >>> 16);
          line[at + 1] = (byte) (rgb >>> 8);
          line[at + 2] = (byte) rgb;
        }
        z.write(line);
      }
    } finally {
      deflater.end();
    }
    chunk(data, "IDAT", compressed.toByteArray(), compressed.size());
    chunk(data, "IEND", new byte[0], 0);
    data.flush();
  }

  /**
   * The pixels of an image that stores one 0xrrggbb int per pixel with rows of exactly its
   * width (what {@code new BufferedImage(w, h, TYPE_INT_RGB)} makes), or null for any other
   * layout, which is read through {@code getRGB}.
   */
  private static int[] packedRgb(BufferedImage image) {
    int type = image.getType();
    WritableRaster raster = image.getRaster();
    if (type != BufferedImage.TYPE_INT_RGB
        || raster.getParent() != null
        || !(raster.getDataBuffer() instanceof DataBufferInt buffer)
        || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
        || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel model)
        || model.getScanlineStride() != image.getWidth()
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return null;
    }
    return buffer.getData();
  }

  private static void chunk(DataOutputStream out, String type, byte[] body, int length) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(body, 0, length);
    out.writeInt(length);
    out.write(name);
    out.write(body, 0, length);
    out.writeInt((int) crc.getValue());
  }
}
