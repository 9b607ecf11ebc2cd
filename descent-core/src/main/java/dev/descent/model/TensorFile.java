package dev.descent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.io.AtomicFile;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The container of model files and checkpoints.
 *
 * <pre>
 * offset 0   8 bytes  magic "DESCENT\0"
 *        8   4 bytes  format version (int, little-endian)
 *       12   4 bytes  header length H (int)
 *       16   H bytes  header, UTF-8 JSON: {"kind":..., ..., "tensors":[{"name","rows","cols","offset"}]}
 *   16 + H   data     float64 little-endian, each tensor row-major at its offset (from data start)
 *      end   8 bytes  CRC-32 of everything before it (long)
 * </pre>
 */
public final class TensorFile {
  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "DESCENT\0".getBytes(StandardCharsets.US_ASCII);
  // maps (settings, layer specs) in key order: Map.of and Map.copyOf iterate in an order that changes with each JVM,
  // and a resumed run's model file must be the bytes of an unbroken run's
  private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  /** A header larger than this is not one we wrote: refuse it before allocating. */
  private static final int MAX_HEADER = 64 << 20;

  private final ObjectNode header;
  private final Map<String, Matrix> tensors;

  public TensorFile(ObjectNode header, Map<String, Matrix> tensors) {
    this.header = header;
    this.tensors = new LinkedHashMap<>(tensors);
  }

  public ObjectNode header() {
    return header;
  }

  public Map<String, Matrix> tensors() {
    return tensors;
  }

  public static ObjectNode newHeader(String kind) {
    ObjectNode h = JSON.createObjectNode();
    h.put("kind", kind);
    return h;
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** The tensor {@code name}, which must exist with the given shape. */
  public Matrix tensor(Path file, String name, int rows, int cols) {
    Matrix m = tensors.get(name);
    if (m == null) {
      throw new DescentException("model file lacks tensor '" + name + "'", file.toString(), -1, -1, null);
    }
    if (m.rows() != rows || m.cols() != cols) {
      throw new DescentException("tensor '" + name + "' is " + m.shape() + " but the architecture needs "
          + rows + "×" + cols, file.toString(), -1, -1, null);
    }
    return m;
  }

  /** Writes atomically ({@link AtomicFile#writeDurably}): a temporary file beside {@code target}, forced to disk, then moved over it. */
  public void write(Path target) {
    ObjectNode h = header.deepCopy();
    ArrayNode directory = h.putArray("tensors");
    long offset = 0;
    for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
      directory.addObject().put("name", e.getKey()).put("rows", e.getValue().rows())
          .put("cols", e.getValue().cols()).put("offset", offset);
      offset += (long) e.getValue().size() * Double.BYTES;
    }
    byte[] headerBytes;
    try {
      headerBytes = JSON.writeValueAsBytes(h);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the model header", e);
    }
    try {
      AtomicFile.writeDurably(target, raw -> {
        CRC32 crc = new CRC32();
        OutputStream out = new java.io.BufferedOutputStream(new CheckedOut(raw, crc), 1 << 16);
        ByteBuffer prefix = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put(MAGIC).putInt(FORMAT_VERSION).putInt(headerBytes.length);
        out.write(prefix.array());
        out.write(headerBytes);
        byte[] buf = new byte[8];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (Matrix m : tensors.values()) {
          for (int k = 0, n = m.size(); k < n; k++) {
            bb.putDouble(0, m.getFlat(k));
            out.write(buf);
          }
        }
        out.flush();
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, crc.getValue());
        raw.write(tail.array());
      });
    } catch (IOException e) {
      throw new DescentException("cannot write " + target + ": " + DescentException.reason(e), e);
    }
  }

  /** Reads and validates a file written by {@link #write}. */
  public static TensorFile read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DescentException("no such file", name, -1, -1, null);
    } catch (IOException e) {
      throw new DescentException("cannot read: " + DescentException.reason(e), name, -1, -1, e);
    }
    if (bytes.length < 24 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 8), MAGIC)) {
      throw new DescentException("not a Descent model file (no DESCENT header)", name, -1, -1, null);
    }
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = bb.getInt(8);
    if (version != FORMAT_VERSION) {
      throw new DescentException("format version " + version + "; this Descent reads version "
          + FORMAT_VERSION + (version > FORMAT_VERSION ? " (written by a newer Descent: upgrade to load it)" : ""),
          name, -1, -1, null);
    }
    int headerLength = bb.getInt(12);
    if (headerLength < 2 || headerLength > MAX_HEADER || 16L + headerLength + 8 > bytes.length) {
      throw new DescentException("truncated or corrupt: the header declares " + headerLength
          + " bytes but the file has " + bytes.length, name, -1, -1, null);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    long stored = bb.getLong(bytes.length - 8);
    if (stored != crc.getValue()) {
      throw new DescentException("truncated or corrupt (checksum mismatch); the file was not written completely", name, -1, -1, null);
    }
    JsonNode header;
    try {
      header = JSON.readTree(new String(bytes, 16, headerLength, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DescentException("corrupt header: " + DescentException.reason(e), name, -1, -1, null);
    }
    if (!(header instanceof ObjectNode obj) || !header.path("tensors").isArray()) {
      throw new DescentException("corrupt header: no tensor directory", name, -1, -1, null);
    }
    long dataStart = 16L + headerLength;
    long dataLength = bytes.length - 8 - dataStart;
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    for (JsonNode t : header.get("tensors")) {
      String tname = t.path("name").asText("");
      long rows = t.path("rows").asLong(-1);
      long cols = t.path("cols").asLong(-1);
      long offset = t.path("offset").asLong(-1);
      // each bound checked alone first: rows * cols of two huge longs overflows (2^32 × 2^32 = 0)
      if (tname.isEmpty() || rows < 0 || cols < 0 || offset < 0 || rows > Integer.MAX_VALUE
          || cols > Integer.MAX_VALUE || offset > dataLength || rows * cols > Integer.MAX_VALUE
          || offset + rows * cols * Double.BYTES > dataLength) {
        throw new DescentException("tensor '" + tname + "' (" + rows + "×" + cols + " at " + offset
            + ") lies outside the file's " + dataLength + " data bytes", name, -1, -1, null);
      }
      Matrix m = Matrix.zeros(Precision.F64, (int) rows, (int) cols);
      int base = (int) (dataStart + offset);
      for (int k = 0; k < m.size(); k++) {
        m.setFlat(k, bb.getDouble(base + k * Double.BYTES));
      }
      tensors.put(tname, m);
    }
    obj.remove("tensors");
    return new TensorFile(obj, tensors);
  }

  /** An output stream that feeds a CRC as it writes. */
  private static final class CheckedOut extends java.io.FilterOutputStream {
    private final CRC32 crc;

    CheckedOut(OutputStream out, CRC32 crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      crc.update(b, off, len);
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      crc.update(b);
      out.write(b);
    }
  }
}
