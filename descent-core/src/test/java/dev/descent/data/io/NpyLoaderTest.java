package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyLoaderTest {
  @TempDir
  Path dir;

  /** A version 1.0 .npy file, byte by byte as numpy.lib.format writes it. */
  static byte[] npy(String descr, String fortran, String shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xff);
    out.write(header.length() >> 8);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] f8(double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  static byte[] f4(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  static byte[] i8(long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  static byte[] i4(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  DescentException fails(Path file, LoadOptions options) {
    return assertThrows(DescentException.class, () -> new NpyLoader().read(file, options));
  }

  @Test
  void headerIsPaddedToSixtyFourBytesAsNumpyWritesIt() {
    assertEquals(0, npy("<f8", "False", "(3, 2)", new byte[0]).length % 64);
  }

  @Test
  void float64FeaturesWithAnInt64LabelsFile() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(3, 2)", f8(1, 2, 3, 4, 5.5, -6)));
    Path y = write("y.npy", npy("<i8", "False", "(3,)", i8(1, 0, 1)));
    LoadedData loaded = new NpyLoader().read(x, LoadOptions.defaults().withLabelsFile(y));
    Dataset d = loaded.dataset();
    assertEquals("X.npy", d.name());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5.5, -6}, d.features().toArray());
    assertArrayEquals(new double[] {1, 0, 1}, d.targets().toArray());
    assertEquals(List.of("0", "1"), d.classNames());
    assertEquals(Optional.empty(), loaded.imageShape());
  }

  @Test
  void lastColumnIsTheLabelWithoutALabelsFile() throws IOException {
    Path xy = write("xy.npy", npy("<f4", "False", "(2, 3)", f4(0.5f, 1, 2, 0.25f, 3, 7)));
    Dataset d = new NpyLoader().load(xy, LoadOptions.defaults());
    assertArrayEquals(new double[] {0.5, 1, 0.25, 3}, d.features().toArray());
    assertEquals(List.of("2", "7"), d.classNames());
    assertArrayEquals(new int[] {0, 1}, d.labels());
  }

  @Test
  void regressionTargetsFromInt32() throws IOException {
    Path xy = write("xy.npy", npy("<i4", "False", "(2, 2)", i4(1, -20, 2, 30)));
    Dataset d = new NpyLoader().load(xy, LoadOptions.defaults().withRegression(true));
    assertArrayEquals(new double[] {-20, 30}, d.targets().toArray());
    assertEquals(List.of(), d.classNames());
  }

  @Test
  void unsignedBytesAreImagesScaledBy255() throws IOException {
    byte[] pixels = {0, (byte) 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8};
    Path x = write("img.npy", npy("|u1", "False", "(2, 1, 2, 3)", pixels));
    Path y = write("lab.npy", npy("|i1", "False", "(2, 1)", new byte[] {3, -1}));
    LoadedData loaded = new NpyLoader().read(x, LoadOptions.defaults().withLabelsFile(y));
    assertEquals(Optional.of(new ImageShape(1, 2, 3)), loaded.imageShape());
    assertEquals(6, loaded.dataset().featureCount());
    assertArrayEquals(new double[] {0, 1, 0.2, 0.4, 1 / 255.0, 2 / 255.0}, loaded.dataset().features().row(0), 1e-15);
    assertEquals(List.of("-1", "3"), loaded.dataset().classNames());
    assertArrayEquals(new int[] {1, 0}, loaded.dataset().labels());
  }

  @Test
  void signedBytesAreNotPixels() throws IOException {
    Path xy = write("xy.npy", npy("|i1", "False", "(2, 2)", new byte[] {-5, 0, 100, 1}));
    assertArrayEquals(new double[] {-5, 100}, new NpyLoader().load(xy, LoadOptions.defaults()).features().toArray());
  }

  @Test
  void unsupportedDtypeNamesItAndTheAcceptedOnes() throws IOException {
    Path x = write("X.npy", npy(">f8", "False", "(1, 2)", new byte[16]));
    assertEquals(x + ": dtype '>f8' is not supported; accepted dtypes are <f4, <f8, <i4, <i8, |u1, |i1"
        + " (convert with arr.astype('<f8'))", fails(x, LoadOptions.defaults()).getMessage());
  }

  @Test
  void fortranOrderIsRefused() throws IOException {
    Path x = write("X.npy", npy("<f8", "True", "(1, 2)", new byte[16]));
    assertEquals(x + ": fortran_order is True; save a C-order array (np.ascontiguousarray(arr))",
        fails(x, LoadOptions.defaults()).getMessage());
  }

  @Test
  void sizeMustMatchTheShapeBeforeAnythingIsAllocated() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(3, 2)", new byte[40]));
    assertEquals(x + ": shape (3, 2) of <f8 needs 48 bytes of data but the file holds 40 after the header",
        fails(x, LoadOptions.defaults()).getMessage());
    Path huge = write("huge.npy", npy("<f8", "False", "(100000, 100000)", new byte[16]));
    assertEquals(huge + ": shape (100000, 100000) has more than 2147483647 elements",
        fails(huge, LoadOptions.defaults()).getMessage());
    Path big = write("big.npy", npy("<f8", "False", "(40000, 40000)", new byte[16]));
    assertEquals(big + ": shape (40000, 40000) of <f8 is 12800000000 bytes; arrays up to 2147483647 bytes"
        + " are supported", fails(big, LoadOptions.defaults()).getMessage());
  }

  @Test
  void notAnNpyFile() throws IOException {
    Path x = write("X.npy", "just text, not numpy\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(x + ": is not a NumPy .npy file (it does not start with \\x93NUMPY); save arrays with"
        + " numpy.save", fails(x, LoadOptions.defaults()).getMessage());
    Path empty = write("empty.npy", new byte[0]);
    assertEquals(empty + ": is not a NumPy .npy file (it does not start with \\x93NUMPY); save arrays with"
        + " numpy.save", fails(empty, LoadOptions.defaults()).getMessage());
  }

  @Test
  void headerLongerThanTheFile() throws IOException {
    byte[] bytes = npy("<f8", "False", "(1, 2)", new byte[16]);
    bytes[8] = (byte) 0xff;
    bytes[9] = (byte) 0xff;
    Path x = write("X.npy", bytes);
    assertEquals(x + ": the .npy header claims 65535 bytes but the file has " + bytes.length,
        fails(x, LoadOptions.defaults()).getMessage());
  }

  @Test
  void labelCountMustMatch() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(3, 1)", f8(1, 2, 3)));
    Path y = write("y.npy", npy("<i8", "False", "(2,)", i8(1, 0)));
    assertEquals(y + ": has 2 labels but " + x + " has 3 examples",
        fails(x, LoadOptions.defaults().withLabelsFile(y)).getMessage());
  }

  @Test
  void labelsMustBeAVector() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(2, 1)", f8(1, 2)));
    Path y = write("y.npy", npy("<i8", "False", "(2, 2)", i8(1, 0, 0, 1)));
    assertEquals(y + ": has shape (2, 2); labels must be a vector (m), (m, 1) or (1, m)",
        fails(x, LoadOptions.defaults().withLabelsFile(y)).getMessage());
  }

  @Test
  void nonFiniteFeatureAndFractionalLabel() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(2, 2)", f8(1, 2, Double.NaN, 0)));
    assertEquals(x + ": example 2 feature 1: value NaN is not a finite number",
        fails(x, LoadOptions.defaults()).getMessage());
    Path z = write("Z.npy", npy("<f8", "False", "(2, 2)", f8(1, 1, 2, 0.5)));
    assertEquals(z + ": example 2: label 0.5 is not a whole number; class labels are whole numbers or"
        + " names (for numeric targets use --regression)", fails(z, LoadOptions.defaults()).getMessage());
  }

  @Test
  void aVectorNeedsALabelsFile() throws IOException {
    Path x = write("X.npy", npy("<f8", "False", "(2,)", f8(1, 2)));
    assertEquals(x + ": has shape (2); without a labels file the array must be m × n with the labels in"
        + " the last column (or give --labels)", fails(x, LoadOptions.defaults()).getMessage());
  }

  @Test
  void labelOutsideGivenClasses() throws IOException {
    Path xy = write("xy.npy", npy("<f8", "False", "(2, 2)", f8(1, 1, 2, 3)));
    assertEquals(xy + ": example 2: label '3' is not one of the classes [0, 1]",
        fails(xy, LoadOptions.defaults().withClassNames(List.of("0", "1"))).getMessage());
  }
}
