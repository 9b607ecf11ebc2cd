package dev.descent.data.io;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A float32 or float64 {@code .npy} array (C order, examples first) mapped into memory instead
 * of read: rows are copied out when asked for, and the operating system pages the file in and
 * out, so an array larger than the heap, or than RAM, can be trained on while the process's own
 * memory stays small. One Java mapping holds at most 2 GiB, so the file is mapped in segments of
 * whole rows of up to 1 GiB each.
 *
 * <p>The header's shape is checked against the file's size before anything is mapped: a file
 * shorter than its header claims is refused with one line, never read past its end (which the
 * JVM would report as a fault). A file cut short <em>while</em> mapped is reported the same way
 * at the first row that is gone.
 *
 * <pre>{@code
 * MappedNpy x = MappedNpy.open(Path.of("features.npy"));   // shape (5000000, 784), <f4
 * x.read(17, 784, row, 0);                                 // example 18, as doubles
 * }</pre>
 */
public final class MappedNpy {
  static final long SEGMENT_BYTES = 1L << 30;
  private final InputFile file;
  private final int rows;
  private final int rowLength;
  private final int rowsPerSegment;
  private final FloatBuffer[] floatSegments;
  private final DoubleBuffer[] doubleSegments;
  private final int[] shape;

  private MappedNpy(InputFile file, int[] shape, int rowLength, int rowsPerSegment, FloatBuffer[] floats,
      DoubleBuffer[] doubles) {
    this.file = file;
    this.shape = shape;
    this.rows = shape[0];
    this.rowLength = rowLength;
    this.rowsPerSegment = rowsPerSegment;
    this.floatSegments = floats;
    this.doubleSegments = doubles;
  }

  /** True when {@code path} is an .npy whose dtype can be mapped (float32 or float64). */
  public static boolean isMappable(Path path) {
    NpyFile.Header header = NpyFile.header(InputFile.open(path));
    return header.dtype().equals("<f4") || header.dtype().equals("<f8");
  }

  public static MappedNpy open(Path path) {
    return open(path, SEGMENT_BYTES);
  }

  /** With segments of at most {@code segmentBytes} (tests map small files in many segments). */
  static MappedNpy open(Path path, long segmentBytes) {
    InputFile file = InputFile.open(path);
    NpyFile.Header header = NpyFile.header(file);
    String dtype = header.dtype();
    if (!dtype.equals("<f4") && !dtype.equals("<f8")) {
      throw file.error("dtype '" + dtype + "' cannot be streamed; a mapped .npy must be float32 ('<f4') or"
          + " float64 ('<f8') (convert with arr.astype('<f4'), or train it in memory with --stream never)");
    }
    int[] shape = header.shape();
    if (shape.length > 4) {
      throw file.error("has shape " + NpyFile.shapeText(shape) + "; features must have 1 to 4 dimensions (examples first)");
    }
    if (shape[0] == 0) {
      throw file.error("has shape " + NpyFile.shapeText(shape) + ": no examples");
    }
    long rowLength = 1;
    for (int d = 1; d < shape.length; d++) {
      rowLength *= shape[d];   // each below 2³¹, at most three factors: no overflow of a long
    }
    long rowBytes = rowLength * header.itemSize();
    if (rowLength == 0) {
      throw file.error("has shape " + NpyFile.shapeText(shape) + ": no features; each example needs at least one value");
    }
    if (rowBytes > segmentBytes) {
      throw file.error("has shape " + NpyFile.shapeText(shape) + ": each example must hold 1 to "
          + segmentBytes / header.itemSize() + " values");
    }
    long dataBytes = Math.multiplyExact(rowBytes, (long) shape[0]);
    long held = file.size() - header.dataOffset();
    if (held != dataBytes) {
      throw file.error("shape " + NpyFile.shapeText(shape) + " of " + dtype + " needs " + dataBytes
          + " bytes of data but the file holds " + held + " after the header"
          + (held < dataBytes ? " (truncated?)" : ""));
    }
    int rowsPerSegment = (int) Math.min(shape[0], segmentBytes / rowBytes);
    int segments = (int) ((shape[0] + (long) rowsPerSegment - 1) / rowsPerSegment);
    boolean floats = dtype.equals("<f4");
    FloatBuffer[] f = floats ? new FloatBuffer[segments] : null;
    DoubleBuffer[] d = floats ? null : new DoubleBuffer[segments];
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      for (int s = 0; s < segments; s++) {
        long first = (long) s * rowsPerSegment;
        long count = Math.min(rowsPerSegment, shape[0] - first);
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY,
            header.dataOffset() + first * rowBytes, count * rowBytes);
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        if (floats) {
          f[s] = bytes.asFloatBuffer();
        } else {
          d[s] = bytes.asDoubleBuffer();
        }
      }
    } catch (IOException e) {
      throw file.ioError(e);
    }
    return new MappedNpy(file, shape, (int) rowLength, rowsPerSegment, f, d);
  }

  public int rows() {
    return rows;
  }

  /** Values per example: the product of all dimensions but the first. */
  public int rowLength() {
    return rowLength;
  }

  public Path path() {
    return file.path();
  }

  public String name() {
    return file.name();
  }

  /** Bytes per value: 4 or 8. */
  public int itemSize() {
    return floatSegments != null ? 4 : 8;
  }

  /** Images when the array has rank 3 (m × height × width) or 4 (m × height × width × channels). */
  public Optional<ImageShape> imageShape() {
    if (shape.length == 3) {
      return Optional.of(new ImageShape(shape[1], shape[2], 1));
    }
    if (shape.length == 4) {
      return Optional.of(new ImageShape(shape[1], shape[2], shape[3]));
    }
    return Optional.empty();
  }

  /** The first {@code count} values of example {@code row} as doubles into {@code out[offset..]}. */
  public void read(int row, int count, double[] out, int offset) {
    read(row, count, out, offset, floatSegments == null ? null : new float[count]);
  }

  /**
   * As {@link #read(int, int, double[], int)}, a float32 row passing through {@code floats} (at
   * least {@code count} long; the caller's, so that concurrent readers share nothing).
   */
  public void read(int row, int count, double[] out, int offset, float[] floats) {
    int segment = row / rowsPerSegment;
    int at = (row - segment * rowsPerSegment) * rowLength;
    try {
      if (floatSegments != null) {
        floatSegments[segment].get(at, floats, 0, count);
        for (int j = 0; j < count; j++) {
          out[offset + j] = floats[j];
        }
      } else {
        doubleSegments[segment].get(at, out, offset, count);
      }
    } catch (InternalError fault) {
      // the JVM's report of a page that is no longer backed by the file (SIGBUS)
      throw new DescentException("could not read example " + (row + 1) + ": the file is shorter than when it"
          + " was opened (was it truncated or replaced while in use?)", file.name(), -1, -1, fault);
    }
  }
}
