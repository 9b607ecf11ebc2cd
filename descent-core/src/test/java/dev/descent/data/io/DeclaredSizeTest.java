package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that declare more than they hold, or link in circles: refused (or walked) before any allocation. */
class DeclaredSizeTest {
  @TempDir
  Path dir;

  /** 1.7 KB of HDF5 whose gzip-compressed, never-written dataset declares 100 000 × 64 × 64 × 3. */
  @Test
  void aCompressedHdf5DatasetLargerThanTheHeapIsRefused() {
    Path bomb = Crafted.file("gzip-bomb.h5");
    String message = assertThrows(DescentException.class,
        () -> new Hdf5Loader().read(bomb, LoadOptions.defaults())).getMessage();
    assertTrue(message.startsWith(bomb + ": dataset 'train_set_x' declares shape (100000, 64, 64, 3) = 1228800000 values,"
        + " about 18750 MB in memory; the heap is "), message);
    assertTrue(message.endsWith(" MB; raise it with JAVA_OPTS=-Xmx23g, or convert the file (descent convert) and train"
        + " on it streamed"), message);
  }

  /** A group that is its own child and a link back to the root: each group is walked once. */
  @Test
  void hdf5LinkCyclesAreWalkedOnce() {
    Dataset d = new Hdf5Loader().read(Crafted.file("link-cycle.h5"), LoadOptions.defaults()).dataset();
    assertEquals(4, d.size());
    assertArrayEquals(new double[] {0, 1, 2}, d.features().row(0));
  }

  private Path idx(String name, boolean gzip, int... dims) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length).putInt(0x00000800 | dims.length);
    for (int d : dims) {
      header.putInt(d);
    }
    byte[] bytes = header.array();
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
        z.write(new byte[1 << 20]);
      }
      bytes = out.toByteArray();
    }
    return Files.write(dir.resolve(name), bytes);
  }

  /** A gzip file's size does not bound what it declares: 2 000 000 000 values are refused before reading. */
  @Test
  void aGzippedIdxFileLargerThanTheHeapIsRefused() throws IOException {
    Path images = idx("big-images.idx.gz", true, 20000, 10000, 10000 / 1000);
    String message = assertThrows(DescentException.class, () -> IdxFile.read(InputFile.open(images))).getMessage();
    assertTrue(message.startsWith(images + ": declares shape (20000, 10000, 10) = 2000000000 values, about 30517 MB"), message);
  }

  /** 2³⁰ × 2³⁰ × 16 wraps a long's product to 0: the count is checked, not trusted. */
  @Test
  void idxDimensionsWhoseProductOverflowsAreRefused() throws IOException {
    Path images = idx("wrap.idx", false, 1 << 30, 1 << 30, 16);
    assertEquals(images + ": the IDX header declares shape (1073741824, 1073741824, 16), more values than a long can"
        + " count; is the header corrupt?",
        assertThrows(DescentException.class, () -> IdxFile.read(InputFile.open(images))).getMessage());
  }

  /** jHDF fails inside lzf + fletcher32 chunks with a bare index error: the message names the filters. */
  @Test
  void aFilterPipelineThatCannotBeDecodedIsNamed() {
    Path lzf = Crafted.file("lzf.h5");
    assertEquals(lzf + ": dataset 'train_set_x' could not be decoded through its HDF5 filters lzf (32000), fletcher32 (3);"
        + " re-save it with gzip compression or none (h5py: compression='gzip', fletcher32=False), or as .npy",
        assertThrows(DescentException.class, () -> new Hdf5Loader().read(lzf, LoadOptions.defaults())).getMessage());
  }
}
