package dev.descent.cli.experiment;

import dev.descent.DescentException;
import dev.descent.run.PreparedData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's data.mat for the regularization lab: a MATLAB v5 file holding {@code X},
 * {@code y} (training) and {@code Xval}, {@code yval} (test), examples as rows.
 */
final class CourseMat {
  private CourseMat() {}

  static PreparedData read(String file) {
    Path path = Path.of(file);
    if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".mat")) {
      throw new IllegalArgumentException("--data " + file + ": the regularization experiment reads the course's data.mat "
          + "(a MATLAB file holding X, y, Xval, yval); give a .mat file or leave --data out for the built-in football set");
    }
    if (!Files.isRegularFile(path)) {
      throw new DescentException(file + ": no such file");
    }
    // data.io's MatLoader reads the variables by name (X and y, then Xval and yval); it is not on
    // this branch yet, and without it there is no way to read the file
    throw new DescentException(file + ": reading MATLAB files needs the data.io loaders, which this build does not have yet");
  }
}
