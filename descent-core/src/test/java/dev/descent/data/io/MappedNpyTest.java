package dev.descent.data.io;

import static dev.descent.data.io.NpyLoaderTest.f8;
import static dev.descent.data.io.NpyLoaderTest.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedNpyTest {
  @TempDir
  Path dir;

  static byte[] f4(double... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putFloat((float) v);
    }
    return b.array();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static double[] row(MappedNpy x, int i) {
    double[] out = new double[x.rowLength()];
    x.read(i, x.rowLength(), out, 0);
    return out;
  }

  @Test
  void readsEveryRowOfFloat32AndFloat64AcrossSegments() throws IOException {
    double[] values = new double[7 * 3];
    for (int k = 0; k < values.length; k++) {
      values[k] = k * 0.25 - 2;
    }
    Path f4 = write("x4.npy", npy("<f4", "False", "(7, 3)", f4(values)));
    Path f8 = write("x8.npy", npy("<f8", "False", "(7, 3)", f8(values)));
    // 2 rows of 3 float32 values per 24-byte segment: four segments, the last one short
    for (MappedNpy x : new MappedNpy[] {MappedNpy.open(f4, 24), MappedNpy.open(f8, 48), MappedNpy.open(f4)}) {
      assertEquals(7, x.rows());
      assertEquals(3, x.rowLength());
      for (int i = 0; i < 7; i++) {
        assertArrayEquals(new double[] {values[3 * i], values[3 * i + 1], values[3 * i + 2]}, row(x, i), 0, "row " + i);
      }
    }
  }

  @Test
  void imagesKeepTheirShape() throws IOException {
    Path p = write("img.npy", npy("<f4", "False", "(2, 2, 3, 1)", f4(new double[12])));
    MappedNpy x = MappedNpy.open(p);
    assertEquals(6, x.rowLength());
    assertEquals(Optional.of(new ImageShape(2, 3, 1)), x.imageShape());
  }

  @Test
  void refusesAFileShorterThanItsHeaderClaims() throws IOException {
    Path p = write("short.npy", npy("<f4", "False", "(1000, 3)", f4(1, 2, 3)));
    DescentException e = assertThrows(DescentException.class, () -> MappedNpy.open(p));
    assertEquals(p + ": shape (1000, 3) of <f4 needs 12000 bytes of data but the file holds 12 after the header"
        + " (truncated?)", e.getMessage());
  }

  /**
   * The JVM reports a read past a file cut short while mapped (SIGBUS) as an InternalError, not a
   * crash; in compiled code it arrives at the next safepoint, which may be after {@code read}
   * returned, so the CLI maps it too ({@code Main.message}).
   */
  @Test
  void aFileCutShortWhileMappedIsReportedAtTheFirstMissingRow() throws IOException {
    Path p = write("cut.npy", npy("<f4", "False", "(4096, 64)", new byte[4096 * 64 * 4]));
    MappedNpy x = MappedNpy.open(p);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(8192);
    }
    double[] row = new double[64];
    x.read(0, 64, row, 0);
    Throwable e = assertThrows(Throwable.class, () -> {
      x.read(4000, 64, row, 0);
      x.read(4001, 64, row, 0);
    });
    if (e instanceof DescentException) {
      assertEquals(p + ": could not read example 4001: the file is shorter than when it was opened (was it truncated"
          + " or replaced while in use?)", e.getMessage());
    } else {
      assertTrue(e instanceof InternalError && e.getMessage().contains("unsafe memory access"), e.toString());
    }
  }

  @Test
  void refusesDtypesThatCannotBeStreamed() throws IOException {
    Path p = write("ints.npy", npy("<i4", "False", "(2, 2)", new byte[16]));
    DescentException e = assertThrows(DescentException.class, () -> MappedNpy.open(p));
    assertEquals(p + ": dtype '<i4' cannot be streamed; a mapped .npy must be float32 ('<f4') or float64 ('<f8')"
        + " (convert with arr.astype('<f4'), or train it in memory with --stream never)", e.getMessage());
  }

  @Test
  void refusesFortranOrder() throws IOException {
    Path p = write("f.npy", npy("<f4", "True", "(2, 2)", new byte[16]));
    DescentException e = assertThrows(DescentException.class, () -> MappedNpy.open(p));
    assertEquals(p + ": fortran_order is True; save a C-order array (np.ascontiguousarray(arr))", e.getMessage());
  }

  @Test
  void mappedExamplesGatherWhatTheResidentLoaderReads() throws IOException {
    double[] table = {0.5, -1, 2, 1.5, 3, 0, 2.5, 4, 1, -0.5, 7, 0};   // 4 rows: 2 features and a 0/1/2 label
    Path p = write("t.npy", npy("<f8", "False", "(4, 3)", f8(table)));
    Dataset resident = new NpyLoader().read(p, LoadOptions.defaults()).dataset();
    MappedExamples mapped = MappedLoader.open(p, LoadOptions.defaults());
    assertEquals(resident.classNames(), mapped.classNames());
    assertEquals(List.of("0", "1", "2"), mapped.classNames());
    int[] order = {3, 1, 0, 2};
    Matrix x = Matrix.zeros(Precision.F64, 4, 2);
    Matrix y = Matrix.zeros(Precision.F64, 4, 3);
    mapped.gather(order, 0, 4, x, y);
    Matrix rx = Matrix.zeros(Precision.F64, 4, 2);
    Matrix ry = Matrix.zeros(Precision.F64, 4, 3);
    resident.gather(order, 0, 4, rx, ry);
    assertEquals(rx, x);
    assertEquals(ry, y);
    assertArrayEquals(resident.labels(), new int[] {mapped.label(0), mapped.label(1), mapped.label(2), mapped.label(3)});
    assertEquals(resident.features(), mapped.toDataset().features());
  }

  @Test
  void aConvertedDirectoryWithoutLabelsIsRefused() throws IOException {
    Path converted = Files.createDirectory(dir.resolve("conv"));
    Files.write(converted.resolve("features.npy"), npy("<f4", "False", "(2, 2)", f4(1, 2, 3, 4)));
    Files.writeString(converted.resolve("dataset.json"), "{\"format\": \"descent-examples\", \"version\": 1,"
        + " \"examples\": 2, \"features\": 2, \"class_names\": [\"a\", \"b\"], \"regression\": false}");
    DescentException e = assertThrows(DescentException.class, () -> MappedLoader.open(converted, LoadOptions.defaults()));
    assertEquals(converted + ": has no labels.npy; the conversion is incomplete: convert the data again"
        + " (descent convert FILE --to npy --out " + converted + " --force)", e.getMessage());
    Files.write(converted.resolve("labels.npy"), npy("<i4", "False", "(3,)", new byte[12]));
    e = assertThrows(DescentException.class, () -> MappedLoader.open(converted, LoadOptions.defaults()));
    assertEquals(converted.resolve("labels.npy") + ": has 3 labels but features.npy has 2 examples; convert the data again",
        e.getMessage());
    ByteBuffer labels = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0);
    Files.write(converted.resolve("labels.npy"), npy("<i4", "False", "(2,)", labels.array()));
    MappedExamples ok = MappedLoader.open(converted, LoadOptions.defaults());
    assertEquals(List.of("a", "b"), ok.classNames());
    assertEquals(1, ok.label(0));
    assertEquals(0, ok.label(1));
  }
}
