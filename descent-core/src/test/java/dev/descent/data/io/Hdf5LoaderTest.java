package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5LoaderTest {
  @TempDir
  Path dir;
  Path tiny;

  /** The course's cat files: -Ddescent.shared (set by the build), else ../../shared. */
  static Path sharedDatasets() {
    String shared = System.getProperty("descent.shared");
    for (Path candidate : new Path[] {shared == null ? null : Path.of(shared, "datasets"),
        Path.of("..", "..", "shared", "datasets")}) {
      if (candidate != null && Files.exists(candidate.resolve("train_catvnoncat.h5"))) {
        return candidate;
      }
    }
    return null;
  }

  /** A course-shaped file: 2 images of 1 × 2 pixels × 3 channels (int32, so not pixels). */
  @BeforeEach
  void writeTinyFile() {
    tiny = dir.resolve("tiny.h5");
    try (WritableHdfFile h = HdfFile.write(tiny)) {
      h.putDataset("train_set_x", new int[][][][] {{{{1, 2, 3}, {4, 5, 6}}}, {{{7, 8, 9}, {10, 11, 12}}}});
      h.putDataset("train_set_y", new long[] {1, 0});
      h.putDataset("list_classes", new String[] {"no", "yes"});
    }
  }

  static DescentException fails(Path file, LoadOptions options) {
    return assertThrows(DescentException.class, () -> new Hdf5Loader().read(file, options));
  }

  @Test
  void tinyFileIsFoundByItsSetPairWithClassNamesAndImageShape() {
    LoadedData loaded = new Hdf5Loader().read(tiny, LoadOptions.defaults());
    Dataset d = loaded.dataset();
    assertEquals(Optional.of(new ImageShape(1, 2, 3)), loaded.imageShape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.features().row(0));
    assertEquals(List.of("no", "yes"), d.classNames());
    assertArrayEquals(new int[] {1, 0}, d.labels());
  }

  @Test
  void wrongDatasetNameListsTheDatasetsThere() {
    assertEquals(tiny + ": no dataset 'train_x'; the datasets are list_classes, train_set_x, train_set_y",
        fails(tiny, LoadOptions.defaults().withHdf5("train_x", "train_set_y")).getMessage());
  }

  @Test
  void stringsAreNotFeatures() {
    assertEquals(tiny + ": dataset 'list_classes' holds String values, not an array of numbers",
        fails(tiny, LoadOptions.defaults().withHdf5("list_classes", "train_set_y")).getMessage());
  }

  @Test
  void withoutASetPairTheDatasetsMustBeNamed() {
    Path f = dir.resolve("plain.h5");
    try (WritableHdfFile h = HdfFile.write(f)) {
      h.putDataset("images", new double[][] {{0.5, 1}, {2, 3}, {4, 5}});
      h.putDataset("labels", new int[] {2, 0, 2});
    }
    assertEquals(f + ": has no *_set_x / *_set_y pair; the datasets are images, labels; choose them with"
        + " --hdf5-features and --hdf5-labels", fails(f, LoadOptions.defaults()).getMessage());
    LoadedData loaded = new Hdf5Loader().read(f, LoadOptions.defaults().withHdf5("images", "labels"));
    assertArrayEquals(new double[] {0.5, 1, 2, 3, 4, 5}, loaded.dataset().features().toArray());
    assertEquals(List.of("0", "2"), loaded.dataset().classNames());
    assertEquals(Optional.empty(), loaded.imageShape());
  }

  @Test
  void labelsMustIndexListClasses() {
    Path f = dir.resolve("bad.h5");
    try (WritableHdfFile h = HdfFile.write(f)) {
      h.putDataset("a_set_x", new double[][] {{1}, {2}});
      h.putDataset("a_set_y", new long[] {1, 5});
      h.putDataset("list_classes", new String[] {"no", "yes"});
    }
    assertEquals(f + ": dataset 'a_set_y' example 2: label 5 is not a class index 0..1 of the classes [no, yes]",
        fails(f, LoadOptions.defaults()).getMessage());
    // given class names replace list_classes, and labels are then matched by their text
    Dataset d = new Hdf5Loader().load(f, LoadOptions.defaults().withClassNames(List.of("5", "1")));
    assertArrayEquals(new int[] {1, 0}, d.labels());
  }

  @Test
  void labelCountMustMatch() {
    Path f = dir.resolve("count.h5");
    try (WritableHdfFile h = HdfFile.write(f)) {
      h.putDataset("a_set_x", new double[][] {{1}, {2}, {3}});
      h.putDataset("a_set_y", new long[] {1, 0});
    }
    assertEquals(f + ": dataset 'a_set_y' has 2 labels but dataset 'a_set_x' has 3 examples",
        fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void garbageAndTruncatedFilesAreOneClearError() throws IOException {
    Path garbage = Files.write(dir.resolve("garbage.h5"), "not hdf5 at all".getBytes());
    assertEquals(garbage + ": is not a readable HDF5 file (No valid HDF5 signature found)",
        fails(garbage, LoadOptions.defaults()).getMessage());
    byte[] whole = Files.readAllBytes(tiny);
    for (int cut : new int[] {16, 100, whole.length / 2}) {
      Path truncated = Files.write(dir.resolve("cut" + cut + ".h5"), Arrays.copyOf(whole, cut));
      DescentException e = fails(truncated, LoadOptions.defaults());
      assertTrue(e.getMessage().startsWith(truncated + ": is not a readable HDF5 file ("), e.getMessage());
    }
    // jhdf itself would read the missing end of the labels as zeros
    Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, whole.length - 37));
    assertEquals(cut + ": dataset 'train_set_y' claims shape (2) (16 bytes) beyond the end of the file ("
        + (whole.length - 37) + " bytes); is it truncated?", fails(cut, LoadOptions.defaults()).getMessage());
  }

  @Test
  void courseCatFilesLoadAsScaledImages() {
    Path shared = sharedDatasets();
    Assumptions.assumeTrue(shared != null, "the course's train_catvnoncat.h5 is not in -Ddescent.shared"
        + "/datasets or ../../shared/datasets; skipping the real-file check");
    LoadedData train = new Hdf5Loader().read(shared.resolve("train_catvnoncat.h5"), LoadOptions.defaults());
    Dataset d = train.dataset();
    assertEquals(209, d.size());
    assertEquals(12288, d.featureCount());
    assertEquals(Optional.of(new ImageShape(64, 64, 3)), train.imageShape());
    assertEquals(List.of("non-cat", "cat"), d.classNames());
    assertEquals(72, Arrays.stream(d.labels()).sum());
    assertArrayEquals(new int[] {0, 0, 1}, Arrays.copyOf(d.labels(), 3));
    assertArrayEquals(new double[] {17 / 255.0, 31 / 255.0, 56 / 255.0},
        Arrays.copyOf(d.features().row(0), 3), 1e-15);
    double max = Arrays.stream(d.features().toArray()).max().orElseThrow();
    assertTrue(max <= 1 && max > 0.99, "max pixel " + max);

    Dataset test = DataLoaders.read(shared.resolve("test_catvnoncat.h5"), LoadOptions.defaults()).dataset();
    assertEquals(50, test.size());
    assertEquals(33, Arrays.stream(test.labels()).sum());
    assertEquals(158 / 255.0, test.features().get(0, 0), 1e-15);
  }
}
