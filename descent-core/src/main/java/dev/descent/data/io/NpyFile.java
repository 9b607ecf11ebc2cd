package dev.descent.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader for NumPy's {@code .npy} format (numpy.lib.format, versions 1 to 3): the magic
 * {@code \x93NUMPY}, a version, a little-endian header length (2 bytes in version 1, 4 after),
 * a Python dict {@code {'descr': '<f8', 'fortran_order': False, 'shape': (m, n), }} and the raw
 * elements in C order. Little-endian float32/64, int32/64 and 8-bit integers only; the shape is
 * checked against the file's size before anything is read.
 *
 * <pre>{@code
 * NumericArray x = NpyFile.read(InputFile.open(Path.of("X.npy")));   // shape (m, n)
 * }</pre>
 */
final class NpyFile {
  static final List<String> DTYPES = List.of("<f4", "<f8", "<i4", "<i8", "|u1", "|i1");
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyFile() {}

  static NumericArray read(InputFile file) {
    Header header = header(file);
    return data(file, header.dtype(), header.shape(), header.dataOffset());
  }

  /** What the header says: the dtype, the shape and where the data start. */
  record Header(String dtype, int[] shape, long dataOffset) {
    int itemSize() {
      return dtype.charAt(2) - '0';
    }
  }

  /** The header, checked (magic, version, dtype, C order, shape); the data are not looked at. */
  static Header header(InputFile file) {
    byte[] start = file.head(12);
    for (int i = 0; i < MAGIC.length; i++) {
      if (start.length < 10 || start[i] != MAGIC[i]) {
        throw file.error("is not a NumPy .npy file (it does not start with \\x93NUMPY); save arrays"
            + " with numpy.save");
      }
    }
    int major = start[6];
    if (major < 1 || major > 3) {
      throw file.error(".npy format version " + major + " is not supported; accepted versions are 1, 2, 3");
    }
    ByteBuffer lengths = ByteBuffer.wrap(start, 8, 4).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = major == 1 ? lengths.getShort() & 0xffff : lengths.getInt() & 0xffffffffL;
    int preamble = major == 1 ? 10 : 12;
    if (headerLength > file.size() - preamble || headerLength > 1 << 20) {
      throw file.error("the .npy header claims " + headerLength + " bytes but the file has "
          + file.size());
    }
    String header = new String(file.head((int) (preamble + headerLength)), preamble, (int) headerLength,
        StandardCharsets.UTF_8);
    String dtype = field(file, header, DESCR, "descr");
    if (!DTYPES.contains(dtype)) {
      throw file.error("dtype '" + dtype + "' is not supported; accepted dtypes are "
          + String.join(", ", DTYPES) + " (convert with arr.astype('<f8'))");
    }
    if (field(file, header, FORTRAN, "fortran_order").equals("True")) {
      throw file.error("fortran_order is True; save a C-order array (np.ascontiguousarray(arr))");
    }
    int[] shape = shape(file, field(file, header, SHAPE, "shape"));
    return new Header(dtype, shape, preamble + headerLength);
  }

  private static String field(InputFile file, String header, Pattern pattern, String key) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw file.error("the .npy header has no readable '" + key + "' (header: " + header.trim() + ")");
    }
    return m.group(1);
  }

  private static int[] shape(InputFile file, String text) {
    String[] parts = text.split(",");   // "3," (a 1-tuple) splits into one part
    int[] shape = new int[text.isBlank() ? 0 : parts.length];
    for (int d = 0; d < shape.length; d++) {
      String dim = parts[d].trim();
      if (dim.isEmpty() || !dim.chars().allMatch(Character::isDigit) || dim.length() > 10
          || Long.parseLong(dim) > Integer.MAX_VALUE) {
        throw file.error("the .npy shape (" + text + ") is not a tuple of sizes up to "
            + Integer.MAX_VALUE);
      }
      shape[d] = Integer.parseInt(dim);
    }
    if (shape.length == 0) {
      throw file.error("holds a scalar (shape ()); expected an array with examples as rows");
    }
    return shape;
  }

  private static NumericArray data(InputFile file, String dtype, int[] shape, long offset) {
    int itemSize = dtype.charAt(2) - '0';
    long elements = 1;
    for (int d : shape) {
      elements *= d;   // each d < 2³¹ and the product is checked at every step
      if (elements > Integer.MAX_VALUE) {
        throw file.error("shape " + shapeText(shape) + " has more than " + Integer.MAX_VALUE
            + " elements");
      }
    }
    long bytes = elements * itemSize;
    if (bytes > Integer.MAX_VALUE) {
      throw file.error("shape " + shapeText(shape) + " of " + dtype + " is " + bytes
          + " bytes; arrays up to " + Integer.MAX_VALUE + " bytes are supported");
    }
    if (bytes != file.size() - offset) {
      throw file.error("shape " + shapeText(shape) + " of " + dtype + " needs " + bytes
          + " bytes of data but the file holds " + (file.size() - offset) + " after the header");
    }
    MemoryBudget.requireFits(file, "", shape);
    ByteBuffer buffer;
    try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      buffer = channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw file.ioError(e);
    }
    NumericArray.Values values = switch (dtype) {
      case "<f4" -> k -> buffer.getFloat(4 * k);
      case "<f8" -> k -> buffer.getDouble(8 * k);
      case "<i4" -> k -> buffer.getInt(4 * k);
      case "<i8" -> k -> buffer.getLong(8 * k);
      case "|u1" -> k -> buffer.get(k) & 0xff;
      default -> k -> buffer.get(k);
    };
    return new NumericArray("", shape, values, dtype.equals("|u1"));
  }

  static String shapeText(int[] shape) {
    return Arrays.toString(shape).replace('[', '(').replace(']', ')');
  }
}
