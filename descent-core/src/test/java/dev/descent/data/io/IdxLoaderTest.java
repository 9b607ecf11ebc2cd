package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
  @TempDir
  Path dir;

  /** An IDX file: big-endian magic, sizes, then the bytes. */
  static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static final byte[] PIXELS = {0, (byte) 255, 51, 102, 1, 2, 3, 4, (byte) 200, 9, 8, 7};
  static final byte[] IMAGES = idx(0x00000803, new int[] {3, 2, 2}, PIXELS);
  static final byte[] LABELS = idx(0x00000801, new int[] {3}, new byte[] {7, 2, 7});

  Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  DescentException fails(Path images, LoadOptions options) {
    return assertThrows(DescentException.class, () -> new IdxLoader().read(images, options));
  }

  void checkLoaded(LoadedData loaded) {
    Dataset d = loaded.dataset();
    assertEquals(Optional.of(new ImageShape(2, 2, 1)), loaded.imageShape());
    double[] expected = new double[PIXELS.length];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = (PIXELS[k] & 0xff) / 255.0;
    }
    assertArrayEquals(expected, d.features().toArray(), 1e-15);
    assertEquals(List.of("2", "7"), d.classNames());
    assertArrayEquals(new int[] {1, 0, 1}, d.labels());
  }

  @Test
  void plainImagesAndLabels() throws IOException {
    Path x = write("train-images-idx3-ubyte", IMAGES);
    Path y = write("train-labels-idx1-ubyte", LABELS);
    checkLoaded(new IdxLoader().read(x, LoadOptions.defaults().withLabelsFile(y)));
  }

  @Test
  void gzipIsToldByItsMagicNotItsName() throws IOException {
    Path x = write("t10k-images-idx3-ubyte.gz", gzip(IMAGES));
    Path y = write("t10k-labels.idx", gzip(LABELS));
    checkLoaded(new IdxLoader().read(x, LoadOptions.defaults().withLabelsFile(y)));
  }

  @Test
  void badMagicNumber() throws IOException {
    Path f = write("file.idx", idx(0x12345678, new int[0], new byte[0]));
    assertEquals(f + ": bad magic number 0x12345678; expected an IDX file (0x00000803 images, 0x00000801"
        + " labels)", fails(f, LoadOptions.defaults()).getMessage());
    Path g = write("g.idx", gzip("hello".getBytes()));
    assertEquals(g + ": bad magic number 0x68656C6C; expected an IDX file (0x00000803 images, 0x00000801"
        + " labels)", fails(g, LoadOptions.defaults()).getMessage());
  }

  @Test
  void sizeIsCheckedAgainstThePlainFile() throws IOException {
    Path f = write("x.idx", idx(0x00000803, new int[] {60000, 28, 28}, new byte[10]));
    assertEquals(f + ": the IDX header promises (60000, 28, 28) = 47040000 bytes but the file holds 10"
        + " after the header", fails(f, LoadOptions.defaults()).getMessage());
    Path huge = write("huge.idx", gzip(idx(0x00000803, new int[] {100000, 1000, 1000}, new byte[4])));
    assertEquals(huge + ": the IDX header promises (100000, 1000, 1000) = 100000000000 bytes; files up to"
        + " 2147483639 bytes are supported", fails(huge, LoadOptions.defaults()).getMessage());
  }

  @Test
  void gzipThatHoldsLessOrMoreThanPromised() throws IOException {
    Path less = write("less.idx", gzip(idx(0x00000803, new int[] {1000, 100, 100}, new byte[4])));
    assertEquals(less + ": the IDX header promises (1000, 100, 100) = 10000000 bytes but the decompressed"
        + " file holds 4 after the header", fails(less, LoadOptions.defaults()).getMessage());
    Path more = write("more.idx", gzip(idx(0x00000803, new int[] {1, 1, 2}, new byte[5])));
    assertEquals(more + ": the IDX header promises (1, 1, 2) = 2 bytes but the decompressed file holds"
        + " more after the header", fails(more, LoadOptions.defaults()).getMessage());
  }

  @Test
  void truncatedGzip() throws IOException {
    byte[] whole = gzip(IMAGES);
    Path f = write("cut.idx.gz", Arrays.copyOf(whole, whole.length - 12));
    assertEquals(f + ": is a corrupt or truncated gzip file (Unexpected end of ZLIB input stream)",
        fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void labelsFileGivenAsImagesAndTheReverse() throws IOException {
    Path x = write("x.idx", IMAGES);
    Path y = write("y.idx", LABELS);
    assertEquals(y + ": is an IDX labels file; load the images file and give this one with --labels",
        fails(y, LoadOptions.defaults().withLabelsFile(x)).getMessage());
    assertEquals(x + ": is an IDX images file; --labels needs an IDX labels file (magic 0x00000801)",
        fails(x, LoadOptions.defaults().withLabelsFile(x)).getMessage());
  }

  @Test
  void missingLabelsSuggestsTheMnistSibling() throws IOException {
    Path x = write("train-images-idx3-ubyte.gz", gzip(IMAGES));
    assertEquals(x + ": IDX images need their labels: give the labels file with --labels",
        fails(x, LoadOptions.defaults()).getMessage());
    Path y = write("train-labels-idx1-ubyte.gz", gzip(LABELS));
    assertEquals(x + ": IDX images need their labels: give the labels file with --labels (e.g. --labels "
        + y + ")", fails(x, LoadOptions.defaults()).getMessage());
  }

  @Test
  void labelCountMustMatch() throws IOException {
    Path x = write("x.idx", IMAGES);
    Path y = write("y.idx", idx(0x00000801, new int[] {2}, new byte[] {1, 2}));
    assertEquals(y + ": has 2 labels but " + x + " has 3 examples",
        fails(x, LoadOptions.defaults().withLabelsFile(y)).getMessage());
  }
}
