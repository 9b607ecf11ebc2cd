package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoadersTest {
  @TempDir
  Path dir;

  @Test
  void formatFromTheExtension() {
    String[][] cases = {{"a.csv", "csv"}, {"A.CSV", "csv"}, {"x.h5", "hdf5"}, {"x.hdf5", "hdf5"},
        {"data.mat", "mat"}, {"X.npy", "npy"}, {"f.idx", "idx"}, {"train-images-idx3-ubyte", "idx"},
        {"train-images.idx3-ubyte", "idx"}, {"t10k-labels-idx1-ubyte.gz", "idx"}, {"x.idx.gz", "idx"}};
    for (String[] c : cases) {
      assertEquals(c[1], DataLoaders.formatOf(Path.of("dir", c[0])), c[0]);
    }
  }

  @Test
  void loaderClassPerFormat() {
    assertInstanceOf(CsvLoader.class, DataLoaders.forFile(Path.of("a.csv")));
    assertInstanceOf(Hdf5Loader.class, DataLoaders.forFile(Path.of("a.h5")));
    assertInstanceOf(MatLoader.class, DataLoaders.forFile(Path.of("a.mat")));
    assertInstanceOf(NpyLoader.class, DataLoaders.forFile(Path.of("a.npy")));
    assertInstanceOf(IdxLoader.class, DataLoaders.forFile(Path.of("a-ubyte")));
    assertInstanceOf(Hdf5Loader.class, DataLoaders.forFormat("H5"));
  }

  @Test
  void unknownExtensionListsTheAcceptedOnes() {
    String accepted = "accepted are .csv, .h5, .hdf5, .mat, .npy, .idx, -ubyte (MNIST), and .gz of an IDX"
        + " file; or name the format with --format csv|hdf5|mat|npy|idx";
    assertEquals("data.txt: unknown file extension '.txt'; " + accepted,
        assertThrows(DescentException.class, () -> DataLoaders.forFile(Path.of("data.txt"))).getMessage());
    assertEquals("data.csv.gz: unknown file extension '.gz' (only IDX files are read"
        + " gzipped); " + accepted,
        assertThrows(DescentException.class, () -> DataLoaders.forFile(Path.of("data.csv.gz"))).getMessage());
    assertEquals("README: has no file extension; " + accepted,
        assertThrows(DescentException.class, () -> DataLoaders.forFile(Path.of("README"))).getMessage());
  }

  @Test
  void unknownFormatName() {
    assertEquals("format 'xls': accepted formats are csv, hdf5, mat, npy, idx",
        assertThrows(IllegalArgumentException.class, () -> DataLoaders.forFormat("xls")).getMessage());
  }

  @Test
  void formatNameOverridesTheExtension() throws IOException {
    Path f = Files.writeString(dir.resolve("data.txt"), "1,2,0\n3,4,1\n");
    Dataset d = DataLoaders.forFile(f, Optional.of("csv")).load(f, LoadOptions.defaults());
    assertArrayEquals(new double[] {1, 2, 3, 4}, d.features().toArray());
    Path csv = Files.writeString(dir.resolve("data.csv"), "1,2,0\n3,4,1\n");
    assertArrayEquals(new int[] {0, 1}, DataLoaders.read(csv, LoadOptions.defaults()).dataset().labels());
    assertInstanceOf(CsvLoader.class, DataLoaders.forFile(csv, Optional.empty()));
  }

  @Test
  void everyLoaderTurnsBinaryGarbageIntoOneErrorNamingTheFile() throws IOException {
    Rng rng = Rng.of(42);
    byte[] garbage = new byte[4096];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) rng.nextInt(256);
    }
    Path f = Files.write(dir.resolve("garbage.bin"), garbage);
    LoadOptions options = LoadOptions.defaults().withLabelsFile(f);
    for (String format : DataLoaders.FORMATS) {
      DescentException e = assertThrows(DescentException.class,
          () -> DataLoaders.forFormat(format).read(f, options), format);
      assertTrue(e.getMessage().startsWith(f + ": "), format + ": " + e.getMessage());
      assertEquals(f.toString(), e.file());
    }
  }
}
