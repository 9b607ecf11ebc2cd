package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

class MatFileTest {
  @TempDir
  Path dir;
  Path data;

  static Matrix matrix(int rows, int cols, double... rowMajor) {
    Matrix m = Mat5.newMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setDouble(i, j, rowMajor[i * cols + j]);
      }
    }
    return m;
  }

  /** The course's data.mat layout: X, y (column), Xval, yval (here a row vector), plus non-matrices. */
  @BeforeEach
  void writeDataMat() throws IOException {
    data = dir.resolve("data.mat");
    MatFile mat = Mat5.newMatFile()
        .addArray("X", matrix(4, 2, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8))
        .addArray("y", matrix(4, 1, 1, 0, 0, 1))
        .addArray("Xval", matrix(2, 2, 1, 2, 3, 4))
        .addArray("yval", matrix(1, 2, 0, 1))
        .addArray("note", Mat5.newString("football"))
        .addArray("cube", Mat5.newMatrix(new int[] {2, 2, 2}));
    Mat5.writeToFile(mat, data.toFile());
  }

  @Test
  void readsVariablesByNameWithExamplesAsRows() {
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(data);
    assertEquals(List.of("X", "y", "Xval", "yval", "note", "cube"), mat.names());
    dev.descent.tensor.Matrix x = mat.matrix("X");
    assertEquals(4, x.rows());
    assertArrayEquals(new double[] {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8}, x.toArray());
    assertEquals(List.of("X", "y", "Xval", "yval"), List.copyOf(mat.matrices().keySet()));
    assertArrayEquals(new double[] {0, 1}, mat.matrices().get("yval").toArray());
  }

  @Test
  void datasetFromAPairOfVariables() {
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(data);
    Dataset train = mat.dataset("X", "y", LoadOptions.defaults());
    assertArrayEquals(new int[] {1, 0, 0, 1}, train.labels());
    assertEquals(List.of("0", "1"), train.classNames());
    Dataset dev = mat.dataset("Xval", "yval", LoadOptions.defaults());
    assertArrayEquals(new double[] {1, 2, 3, 4}, dev.features().toArray());
    assertArrayEquals(new int[] {0, 1}, dev.labels());
  }

  @Test
  void loaderUsesXAndYUnlessTold() {
    Dataset train = new MatLoader().load(data, LoadOptions.defaults());
    assertEquals(4, train.size());
    Dataset dev = new MatLoader().load(data, LoadOptions.defaults().withMat("Xval", "yval"));
    assertEquals(2, dev.size());
  }

  @Test
  void missingVariableNamesWhatIsThere() {
    DescentException e = assertThrows(DescentException.class,
        () -> new MatLoader().load(data, LoadOptions.defaults().withMat("Xtrain", "y")));
    assertEquals(data + ": no variable 'Xtrain'; the file has X, y, Xval, yval, note, cube", e.getMessage());
  }

  @Test
  void nonMatrixVariables() {
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(data);
    assertEquals(data + ": variable 'note' is a char array, not a real numeric matrix",
        assertThrows(DescentException.class, () -> mat.matrix("note")).getMessage());
    assertEquals(data + ": variable 'cube' is a 3-dimensional array; only 2-D matrices are read",
        assertThrows(DescentException.class, () -> mat.matrix("cube")).getMessage());
  }

  @Test
  void labelCountMustMatch() {
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(data);
    assertEquals(data + ": variable 'yval' has 2 labels but variable 'X' has 4 examples",
        assertThrows(DescentException.class, () -> mat.dataset("X", "yval", LoadOptions.defaults())).getMessage());
  }

  /** A v7.3 file is HDF5 holding MATLAB's column-major arrays: read as MAT, X keeps MATLAB's rows (read as HDF5 it would be transposed). */
  @Test
  void version73FilesAreReadWithMatlabsRows() {
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(Crafted.file("v73.mat"));
    assertEquals(List.of("X", "y"), mat.names());
    dev.descent.tensor.Matrix x = mat.matrix("X");
    assertEquals(3, x.rows());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, x.toArray());
    Dataset d = mat.dataset("X", "y", LoadOptions.defaults());
    assertArrayEquals(new int[] {0, 1, 1}, d.labels());
  }

  @Test
  void otherFilesAreRefusedByTheirHeader() throws IOException {
    Path garbage = Files.write(dir.resolve("garbage.mat"), "1,2,3\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals(garbage + ": is not a MATLAB v5 MAT-file (no 'MATLAB 5.0 MAT-file' header); v4 files are"
        + " not supported; re-save it with save(..., '-v7')",
        assertThrows(DescentException.class, () -> dev.descent.data.io.MatFile.read(garbage)).getMessage());
  }

  /** 743 bytes of sparse matrix standing for 1.6e9 values: refused before a dense copy is allocated. */
  @Test
  void aHugeSparseMatrixIsRefusedBeforeAllocating() {
    Path bomb = Crafted.file("sparse-bomb.mat");
    dev.descent.data.io.MatFile mat = dev.descent.data.io.MatFile.read(bomb);
    String message = assertThrows(DescentException.class, () -> mat.matrix("X")).getMessage();
    assertTrue(message.startsWith(bomb + ": variable 'X' is a 40000×40000 sparse matrix of 1600000000 values, about 24414 MB"
        + " in memory; the heap is "), message);
    assertTrue(message.endsWith(" MB; raise it with JAVA_OPTS=-Xmx30g"), message);
  }

  @Test
  void truncatedFileIsOneClearError() throws IOException {
    byte[] whole = Files.readAllBytes(data);
    Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(whole, whole.length - 20));
    assertEquals(cut + ": is not a readable MATLAB v5 file (java.io.EOFException)",
        assertThrows(DescentException.class, () -> dev.descent.data.io.MatFile.read(cut)).getMessage());
  }
}
