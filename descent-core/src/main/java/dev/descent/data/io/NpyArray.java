package dev.descent.data.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A small array as the bytes of a whole {@code .npy} file (format 1.0, C order, little-endian),
 * for archives such as an {@code .npz} where each member is written at once; large arrays are
 * streamed by {@link NpyWriter}, which writes the same header.
 *
 * <pre>{@code
 * byte[] npy = NpyArray.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);   // np.load gives [[1,2,3],[4,5,6]]
 * }</pre>
 */
public final class NpyArray {
  private NpyArray() {}

  /** float32 values, row-major, of shape (rows, cols), or (rows,) when {@code cols} is −1. */
  public static byte[] floats(float[] values, int rows, int cols) {
    ByteBuffer data = data(values.length, Float.BYTES, rows, cols);
    data.asFloatBuffer().put(values);
    return withHeader("<f4", rows, cols, data);
  }

  /** float64 values, row-major, of shape (rows, cols), or (rows,) when {@code cols} is −1. */
  public static byte[] doubles(double[] values, int rows, int cols) {
    ByteBuffer data = data(values.length, Double.BYTES, rows, cols);
    data.asDoubleBuffer().put(values);
    return withHeader("<f8", rows, cols, data);
  }

  /** Strings as numpy's fixed-width unicode array ({@code <U}n, UTF-32), shape (k,): no pickle needed to load it. */
  public static byte[] strings(List<String> values) {
    int width = 1;
    for (String v : values) {
      width = Math.max(width, v.codePointCount(0, v.length()));
    }
    ByteBuffer data = ByteBuffer.allocate(values.size() * width * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (String v : values) {
      int start = data.position();
      v.codePoints().forEach(data::putInt);
      data.position(start + width * 4);
    }
    return withHeader("<U" + width, values.size(), -1, data);
  }

  private static ByteBuffer data(int length, int bytes, int rows, int cols) {
    if ((long) rows * (cols < 0 ? 1 : cols) != length) {
      throw new IllegalArgumentException(length + " values do not fill shape (" + rows + ", " + cols + ")");
    }
    return ByteBuffer.allocate(length * bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] withHeader(String descr, int rows, int cols, ByteBuffer data) {
    byte[] header = NpyWriter.header(descr, cols < 0 ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")", 0);
    byte[] out = new byte[header.length + data.capacity()];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(data.array(), 0, out, header.length, data.capacity());
    return out;
  }
}
