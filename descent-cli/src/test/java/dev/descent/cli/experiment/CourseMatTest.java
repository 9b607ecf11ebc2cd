package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.descent.data.Dataset;
import dev.descent.cli.Cli;
import dev.descent.run.PreparedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/** The course's data.mat layout: X, y to train, Xval, yval to test, examples as rows. */
class CourseMatTest {
  @TempDir
  Path dir;

  static Matrix matrix(int rows, int cols, double... rowMajor) {
    Matrix m = Mat5.newMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setDouble(i, j, rowMajor[i * cols + j]);
      }
    }
    return m;
  }

  Path write(String name, MatFile mat) throws IOException {
    Path file = dir.resolve(name);
    Mat5.writeToFile(mat, file.toFile());
    return file;
  }

  @Test
  void readsTrainingAndTestSetsWithoutStandardizing() throws IOException {
    Path file = write("data.mat", Mat5.newMatFile()
        .addArray("X", matrix(3, 2, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6))
        .addArray("y", matrix(3, 1, 1, 0, 1))
        .addArray("Xval", matrix(2, 2, 1, 2, 3, 4))
        .addArray("yval", matrix(2, 1, 0, 1)));
    PreparedData d = CourseMat.read(file.toString());
    assertArrayEquals(new double[] {0.1, -0.2, 0.3, 0.4, -0.5, 0.6}, ((Dataset) d.train()).features().toArray());
    assertArrayEquals(new int[] {1, 0, 1}, ((Dataset) d.train()).labels());
    assertArrayEquals(new double[] {1, 2, 3, 4}, ((Dataset) d.test()).features().toArray());
    assertArrayEquals(new int[] {0, 1}, ((Dataset) d.test()).labels());
    assertNull(d.dev());
    assertNull(d.standardizer());
  }

  @Test
  void aFileWithoutTheTestVariablesNamesWhatItHas() throws IOException {
    Path file = write("train-only.mat", Mat5.newMatFile()
        .addArray("X", matrix(2, 2, 1, 2, 3, 4))
        .addArray("y", matrix(2, 1, 0, 1)));
    Cli.Result r = Cli.run("experiment", "regularization", "--data", file.toString(), "--out", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(file + ": no variable 'Xval'; the file has X, y", r.error());
  }

  @Test
  void aFileWithOtherNamesNamesWhatItHas() throws IOException {
    Path file = write("renamed.mat", Mat5.newMatFile()
        .addArray("features", matrix(2, 2, 1, 2, 3, 4))
        .addArray("labels", matrix(2, 1, 0, 1)));
    Cli.Result r = Cli.run("experiment", "regularization", "--data", file.toString(), "--out", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(file + ": no variable 'X'; the file has features, labels", r.error());
  }
}
