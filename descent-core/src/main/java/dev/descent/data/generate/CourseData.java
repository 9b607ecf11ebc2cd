package dev.descent.data.generate;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.io.CsvLoader;
import dev.descent.data.io.DataLoader;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.MatLoader;
import dev.descent.tensor.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The course's own data, shipped in the jar (resources {@code dev/descent/data/course/}): the
 * exact points its notebooks train on, unlike the look-alikes {@link Generators} draws.
 *
 * <ul>
 *   <li>{@code course-circles}: the initialization notebook's 300 training and 100 test points
 *       (scikit-learn's make_circles, noise 0.05, after np.random.seed(1) and (2));
 *   <li>{@code course-moons}: the optimization notebook's 300 points (make_moons, noise 0.2,
 *       np.random.seed(3)); no test set;
 *   <li>{@code course-football}: the regularization notebook's data.mat, 211 training ({@code X},
 *       {@code y}) and 200 test points ({@code Xval}, {@code yval}).
 * </ul>
 *
 * <p>generate.py beside the files writes the two CSV sets. As one {@link Dataset} (for {@code
 * train --data course-circles}) a set is its training points followed by its test points.
 *
 * <pre>{@code
 * CourseData.Sets s = CourseData.sets("course-circles");
 * s.train().size() + " / " + s.test().size();   // "300 / 100"
 * }</pre>
 */
public final class CourseData {
  /** The names, as {@code --data} takes them. */
  public static final List<String> NAMES = List.of("course-circles", "course-moons", "course-football");

  private CourseData() {}

  /** A course set's training and test points (test null where the notebook has none). */
  public record Sets(Dataset train, Dataset test) {}

  public static Sets sets(String name) {
    return switch (name) {
      case "course-circles" -> new Sets(csv(name, "circles-train.csv"), csv(name, "circles-test.csv"));
      case "course-moons" -> new Sets(csv(name, "moons-train.csv"), null);
      case "course-football" -> football(name);
      default -> throw new IllegalArgumentException("unknown course data set '" + name + "'; expected one of "
          + String.join(", ", NAMES));
    };
  }

  /** The training points followed by the test points. */
  public static Dataset all(String name) {
    Sets s = sets(name);
    if (s.test() == null) {
      return s.train();
    }
    return new Dataset(name, stack(s.train().features(), s.test().features()), stack(s.train().targets(), s.test().targets()),
        s.train().classNames(), s.train().featureNames());
  }

  private static Matrix stack(Matrix top, Matrix bottom) {
    Matrix out = Matrix.zeros(top.precision(), top.rows() + bottom.rows(), top.cols());
    for (int i = 0; i < out.rows(); i++) {
      for (int j = 0; j < out.cols(); j++) {
        out.set(i, j, i < top.rows() ? top.get(i, j) : bottom.get(i - top.rows(), j));
      }
    }
    return out;
  }

  private static Dataset csv(String name, String file) {
    return rename(load(file, new CsvLoader(), LoadOptions.defaults()), name);
  }

  private static Sets football(String name) {
    Path tmp = unpack("football.mat");
    try {
      Sets s = dataMat(tmp);
      return new Sets(rename(s.train(), name), rename(s.test(), name));
    } finally {
      delete(tmp);
    }
  }

  /**
   * A MATLAB file laid out as the regularization notebook's data.mat: {@code X}, {@code y} to
   * train and {@code Xval}, {@code yval} to test, examples as rows, the test classes named as
   * the training ones.
   */
  public static Sets dataMat(Path file) {
    MatLoader loader = new MatLoader();
    Dataset train = loader.read(file, LoadOptions.defaults().withMat("X", "y")).dataset();
    Dataset test = loader.read(file, LoadOptions.defaults().withMat("Xval", "yval").withClassNames(train.classNames())).dataset();
    return new Sets(train, test);
  }

  private static Dataset rename(Dataset d, String name) {
    return new Dataset(name, d.features(), d.targets(), d.classNames(), d.featureNames());
  }

  /** Reads a resource with the loader its format has, through a temporary file (the loaders read files). */
  private static Dataset load(String file, DataLoader loader, LoadOptions options) {
    Path tmp = unpack(file);
    try {
      return loader.read(tmp, options).dataset();
    } finally {
      delete(tmp);
    }
  }

  private static Path unpack(String file) {
    try (InputStream in = CourseData.class.getResourceAsStream("/dev/descent/data/course/" + file)) {
      if (in == null) {
        throw new AssertionError("resource dev/descent/data/course/" + file + " is missing from the jar");
      }
      Path tmp = Files.createTempFile("descent-course-", "-" + file);
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return tmp;
    } catch (IOException e) {
      throw new DescentException("cannot unpack the course's " + file + " to a temporary file: " + e.getMessage());
    }
  }

  private static void delete(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // NOTE: a temporary file left behind is harmless; the data were read
    }
  }
}
