package dev.descent.cli.experiment;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.generate.CourseData;
import dev.descent.run.PreparedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The course's data.mat for the regularization lab: a MATLAB v5 file holding {@code X},
 * {@code y} (training) and {@code Xval}, {@code yval} (test), examples as rows; read without
 * standardization, as the lab does. A missing variable is an error that names those present.
 */
final class CourseMat {
  private CourseMat() {}

  static PreparedData read(String file) {
    if (!file.toLowerCase(Locale.ROOT).endsWith(".mat")) {
      throw new IllegalArgumentException("--data " + file + ": the regularization experiment reads the course's data.mat "
          + "(a MATLAB file holding X, y, Xval, yval); give a .mat file or leave --data out for the built-in football set");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new DescentException(file + ": no such file");
    }
    CourseData.Sets sets = CourseData.dataMat(path);
    Dataset train = sets.train();
    Dataset test = sets.test();
    if (train.featureCount() != test.featureCount()) {
      throw new DescentException(file + ": X has " + train.featureCount() + " columns but Xval has " + test.featureCount()
          + "; both hold one example per row with the same features");
    }
    return PreparedData.fromSets(train, null, test, false);
  }
}
