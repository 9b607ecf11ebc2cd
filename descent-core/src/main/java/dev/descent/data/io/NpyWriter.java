package dev.descent.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;

/**
 * Writes a NumPy {@code .npy} file (format version 1.0, C order, little-endian) in one pass
 * when the number of rows is known only at the end: the header is first written with room for
 * the largest shape, {@code (9223372036854775807, n)}, and rewritten in place by {@link
 * #finish} with the real one, padded with spaces to the same length. As {@code numpy.save}
 * does, the header ends in {@code \n} and the data start at a multiple of 64 bytes, which lets
 * a reader memory-map aligned rows.
 *
 * <pre>{@code
 * NpyWriter w = new NpyWriter(channel, "<f4", 3);   // rows of 3 float32 values
 * w.putFloat(1); w.putFloat(2); w.putFloat(3);
 * w.finish(1);                                        // header: {'descr': '<f4', …, 'shape': (1, 3), }
 * }</pre>
 */
final class NpyWriter {
  static final int ALIGN = 64;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private final SeekableByteChannel channel;
  private final String descr;
  private final int columns;   // −1 for a vector of shape (m,)
  private final int dataOffset;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  /** {@code columns} per row, or −1 for a vector (shape {@code (m,)}). */
  NpyWriter(SeekableByteChannel channel, String descr, int columns) throws IOException {
    this.channel = channel;
    this.descr = descr;
    this.columns = columns;
    this.dataOffset = header(Long.MAX_VALUE, 0).length;
    writeFully(ByteBuffer.wrap(header(Long.MAX_VALUE, dataOffset)));
  }

  /** Where the elements start: a multiple of {@link #ALIGN}. */
  int dataOffset() {
    return dataOffset;
  }

  /** Bytes written so far, header included. */
  long bytes() {
    return dataOffset + written + buffer.position();
  }

  void putFloat(float v) throws IOException {
    room(4).putFloat(v);
  }

  void putDouble(double v) throws IOException {
    room(8).putDouble(v);
  }

  void putInt(int v) throws IOException {
    room(4).putInt(v);
  }

  /** Writes what is buffered and the header for {@code rows} rows, and syncs the file to disk. */
  void finish(long rows) throws IOException {
    flush();
    channel.position(0);
    writeFully(ByteBuffer.wrap(header(rows, dataOffset)));
    channel.position(dataOffset + written);
    if (channel instanceof FileChannel file) {
      file.force(true);   // the directory is renamed into place next: its files must be complete
    }
  }

  /**
   * Replaces every int32 element v written so far by {@code f(v)}, reading and rewriting the
   * file in blocks: constant memory, however many rows.
   */
  void rewriteInts(IntUnaryOperator f) throws IOException {
    flush();
    for (long at = dataOffset; at < dataOffset + written; at += buffer.capacity()) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), dataOffset + written - at));
      channel.position(at);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("the file ended at " + channel.position() + " while rewriting it");
        }
      }
      for (int i = 0; i < buffer.limit(); i += 4) {
        buffer.putInt(i, f.applyAsInt(buffer.getInt(i)));
      }
      buffer.flip();
      channel.position(at);
      writeFully(buffer);
    }
    buffer.clear();
    channel.position(dataOffset + written);
  }

  /** Writes what is buffered. */
  void flush() throws IOException {
    buffer.flip();
    written += buffer.remaining();
    writeFully(buffer);
    buffer.clear();
  }

  private ByteBuffer room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
    return buffer;
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /**
   * The magic, version, header length and dict, padded with spaces and a final newline to
   * {@code length} bytes, or with {@code length} 0 to the next multiple of {@link #ALIGN}.
   */
  byte[] header(long rows, int length) {
    return header(descr, columns < 0 ? "(" + rows + ",)" : "(" + rows + ", " + columns + ")", length);
  }

  /** {@link #header(long, int)} for any shape, written as numpy prints it: {@code (3,)}, {@code (2, 3)}. */
  static byte[] header(String descr, String shape, int length) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int total = length > 0 ? length : (unpadded + ALIGN - 1) / ALIGN * ALIGN;
    if (unpadded > total) {
      throw new AssertionError("shape " + shape + " does not fit the reserved header of " + total + " bytes");
    }
    String text = dict + " ".repeat(total - unpadded) + "\n";
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putShort((short) (total - MAGIC.length - 2)).put(text.getBytes(StandardCharsets.US_ASCII));
    return out.array();
  }
}
