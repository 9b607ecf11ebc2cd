package dev.descent.data.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.ZipException;

/**
 * A reader for MNIST's IDX files, plain or gzip (told by the gzip magic, not the name): a
 * big-endian magic {@code 0x00000803} (unsigned-byte images m × rows × cols) or {@code
 * 0x00000801} (unsigned-byte labels m), the sizes as big-endian 32-bit integers, then the bytes.
 * The promised size is checked against the file before it is allocated, and read in pieces from
 * gzip, whose size is known only at the end.
 */
final class IdxFile {
  static final int IMAGES = 0x00000803;
  static final int LABELS = 0x00000801;

  private IdxFile() {}

  static NumericArray read(InputFile file) {
    boolean gzip = file.isGzip();
    try (InputStream in = file.openDecompressed()) {
      int[] shape = header(file, in, gzip);
      // a gzip file's size does not bound what it holds
      MemoryBudget.requireFits(file, "", shape);
      int elements = elements(shape);
      byte[] data = in.readNBytes(elements);   // grows as bytes arrive, never to the promise
      checkEnd(file, in, shape, data.length);
      return new NumericArray("", shape, k -> data[k] & 0xff, true);
    } catch (ZipException | EOFException e) {
      throw corrupt(file, e);
    } catch (IOException e) {
      throw file.ioError(e);
    }
  }

  /** Reads the magic and sizes from {@code in}: the array's shape, checked against the file. */
  static int[] header(InputFile file, InputStream in, boolean gzip) throws IOException {
    ByteBuffer magic = ByteBuffer.wrap(in.readNBytes(4));
    if (magic.capacity() < 4 || (magic.getInt(0) != IMAGES && magic.getInt(0) != LABELS)) {
      throw file.error("bad magic number " + hex(magic) + "; expected an IDX file ("
          + String.format("0x%08X", IMAGES) + " images, " + String.format("0x%08X", LABELS) + " labels)");
    }
    int rank = magic.get(3);
    ByteBuffer dims = ByteBuffer.wrap(in.readNBytes(4 * rank));
    if (dims.capacity() < 4 * rank) {
      throw file.error("ends inside the IDX header");
    }
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) {
      shape[d] = dims.getInt();
      if (shape[d] < 0) {
        throw file.error("IDX dimension " + (d + 1) + " is " + (shape[d] & 0xffffffffL)
            + "; sizes up to " + Integer.MAX_VALUE + " are supported");
      }
    }
    long elements = MemoryBudget.values(file, "the IDX header ", java.util.Arrays.stream(shape).asLongStream().toArray());
    long header = 4 + 4L * rank;
    if (elements > Integer.MAX_VALUE - 8) {
      throw file.error("the IDX header promises " + NpyFile.shapeText(shape) + " = " + elements
          + " bytes; files up to " + (Integer.MAX_VALUE - 8) + " bytes are supported");
    }
    if (!gzip && elements != file.size() - header) {
      throw file.error("the IDX header promises " + NpyFile.shapeText(shape) + " = " + elements
          + " bytes but the file holds " + (file.size() - header) + " after the header");
    }
    return shape;
  }

  /** The number of bytes a shape that {@link #header} accepted promises. */
  static int elements(int[] shape) {
    int elements = 1;
    for (int d : shape) {
      elements *= d;
    }
    return elements;
  }

  /** Refuses data that ended before the promise ({@code read} bytes) or goes on after it. */
  static void checkEnd(InputFile file, InputStream in, int[] shape, long read) throws IOException {
    long elements = elements(shape);
    if (read < elements || in.read() != -1) {
      throw file.error("the IDX header promises " + NpyFile.shapeText(shape) + " = " + elements
          + " bytes but the decompressed file holds " + (read < elements ? read : "more")
          + " after the header");
    }
  }

  static RuntimeException corrupt(InputFile file, IOException e) {
    return file.error("is a corrupt or truncated gzip file (" + e.getMessage() + ")", e);
  }

  private static String hex(ByteBuffer magic) {
    StringBuilder s = new StringBuilder("0x");
    for (int i = 0; i < magic.capacity(); i++) {
      s.append(String.format("%02X", magic.get(i)));
    }
    return s.toString();
  }
}
