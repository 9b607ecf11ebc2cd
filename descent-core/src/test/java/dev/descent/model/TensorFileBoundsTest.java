package dev.descent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files are data only: a header cannot make the reader allocate beyond the file's bytes. */
class TensorFileBoundsTest {
  @TempDir
  Path dir;

  /** A valid file holding a 2×2 tensor "W", then its header's rows/cols replaced and the checksum fixed. */
  Path fileClaiming(String rows, String cols) throws IOException {
    Path f = dir.resolve("t.descent");
    new TensorFile(TensorFile.newHeader("model"), Map.of("W", Matrix.zeros(Precision.F64, 2, 2))).write(f);
    byte[] b = Files.readAllBytes(f);
    int length = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    String header = new String(b, 16, length, StandardCharsets.UTF_8)
        .replace("\"rows\":2", "\"rows\":" + rows).replace("\"cols\":2", "\"cols\":" + cols);
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(b.length - length + h.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(b, 0, 12).putInt(h.length).put(h).put(b, 16 + length, b.length - 16 - length);
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.capacity() - 8);
    out.putLong(out.capacity() - 8, crc.getValue());
    Files.write(f, out.array());
    return f;
  }

  @Test
  void sizesWhoseProductOverflowsAreRejected() throws IOException {
    Path f = fileClaiming("4294967296", "4294967296");  // 2^32 × 2^32 = 2^64, 0 in a long
    DescentException e = assertThrows(DescentException.class, () -> TensorFile.read(f));
    assertEquals(f + ": tensor 'W' (4294967296×4294967296 at 0) lies outside the file's 32 data bytes", e.getMessage());
  }

  @Test
  void aHugeTensorFailsBeforeAllocating() throws IOException {
    Path f = fileClaiming("1000000000", "1000000000");  // 8e18 bytes: allocating would fail with OutOfMemoryError
    DescentException e = assertThrows(DescentException.class, () -> TensorFile.read(f));
    assertEquals(f + ": tensor 'W' (1000000000×1000000000 at 0) lies outside the file's 32 data bytes", e.getMessage());
  }

  @Test
  void aTensorPastTheDataIsRejected() throws IOException {
    Path f = fileClaiming("3", "2");
    DescentException e = assertThrows(DescentException.class, () -> TensorFile.read(f));
    assertEquals(f + ": tensor 'W' (3×2 at 0) lies outside the file's 32 data bytes", e.getMessage());
  }
}
