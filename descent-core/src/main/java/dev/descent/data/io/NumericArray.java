package dev.descent.data.io;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.io.Decimal;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An n-dimensional numeric array read from a binary file (NumPy, IDX, HDF5, MAT), C order, with
 * its first dimension the examples. {@code what} names it in messages ("dataset 'train_set_x'",
 * "variable 'X'", or empty when it is the whole file). {@code pixels} marks unsigned 8-bit data,
 * which become features divided by 255. Turned into a {@link Dataset} here, once for all binary
 * formats.
 */
record NumericArray(String what, int[] shape, Values values, boolean pixels) {

  /** Element k in C order, as a double. */
  interface Values {
    double at(int k);
  }

  NumericArray {
    shape = shape.clone();
  }

  /** "dataset 'x' " or "" (the file itself), to start a message. */
  String subject() {
    return what.isEmpty() ? "" : what + " ";
  }

  int rank() {
    return shape.length;
  }

  /** Elements per example: the product of all dimensions but the first. */
  int rowLength() {
    int n = 1;
    for (int d = 1; d < shape.length; d++) {
      n *= shape[d];
    }
    return n;
  }

  String shapeText() {
    return Arrays.toString(shape).replace('[', '(').replace(']', ')');
  }

  /** Images when the rank is 3 (m × height × width) or 4 (m × height × width × channels). */
  Optional<ImageShape> imageShape() {
    if (rank() == 3) {
      return Optional.of(new ImageShape(shape[1], shape[2], 1));
    }
    if (rank() == 4) {
      return Optional.of(new ImageShape(shape[1], shape[2], shape[3]));
    }
    return Optional.empty();
  }

  /** m × (product of the other dimensions); pixels divided by 255; NaN and ±∞ refused. */
  Matrix features(InputFile file, int columns) {
    checkFeatures(file);
    int m = shape[0];
    int n = rowLength();
    Matrix x = Matrix.zeros(Precision.F64, m, columns);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < columns; j++) {
        x.set(i, j, feature(file, i, j, values.at(i * n + j)));
      }
    }
    return x;
  }

  /** Refuses features of the wrong rank or without examples. */
  void checkFeatures(InputFile file) {
    if (rank() < 1 || rank() > 4) {
      throw file.error(subject() + "has shape " + shapeText() + "; features must have 1 to 4 dimensions"
          + " (examples first)");
    }
    if (shape[0] == 0) {
      throw file.error(subject() + "has shape " + shapeText() + ": no examples");
    }
    if (rowLength() == 0) {
      throw file.error(subject() + "has shape " + shapeText() + ": no features; each example needs at least one value");
    }
  }

  /** Feature j of example i (0-based) as stored: finite, and divided by 255 when pixels. */
  double feature(InputFile file, long i, int j, double v) {
    if (!Double.isFinite(v)) {
      throw file.error(subject() + "example " + (i + 1) + " feature " + (j + 1) + ": value "
          + Decimal.text(v) + " is not a finite number");
    }
    return pixels ? v / 255 : v;
  }

  /** The labels as m values: shape (m), (m, 1) or (1, m). */
  double[] vector(InputFile file) {
    double[] out = new double[labelCount(file)];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.at(i);
    }
    return out;
  }

  /** How many labels a vector of shape (m), (m, 1) or (1, m) holds; other shapes are refused. */
  int labelCount(InputFile file) {
    boolean vector = rank() == 1 || (rank() == 2 && (shape[0] == 1 || shape[1] == 1));
    if (!vector) {
      throw file.error(subject() + "has shape " + shapeText() + "; labels must be a vector (m), (m, 1)"
          + " or (1, m)");
    }
    return rank() == 1 ? shape[0] : shape[0] * shape[1];
  }

  /** Refuses labels that do not number the examples of {@code features}. */
  void checkLabelCount(InputFile file, InputFile featuresFile, NumericArray features) {
    int count = labelCount(file);
    if (count != features.shape[0]) {
      throw file.error(subject() + "has " + count + " labels but "
          + (features.what.isEmpty() ? featuresFile.name() : features.what) + " has "
          + features.shape[0] + " examples");
    }
  }

  /** Features and labels from two arrays (or files) of the same number of examples. */
  static LoadedData pair(InputFile featuresFile, NumericArray features, InputFile labelsFile,
      NumericArray labels, LoadOptions options) {
    return pair(featuresFile, features, labelsFile, labels, options, Optional.empty());
  }

  /** As above, the labels indexing {@code classList} when present (an HDF5 list_classes). */
  static LoadedData pair(InputFile featuresFile, NumericArray features, InputFile labelsFile,
      NumericArray labels, LoadOptions options, Optional<List<String>> classList) {
    labels.checkLabelCount(labelsFile, featuresFile, features);
    double[] y = labels.vector(labelsFile);
    Matrix x = features.features(featuresFile, features.rowLength());
    return new LoadedData(dataset(featuresFile, x, y, labelsFile, labels.what, options, classList),
        features.imageShape());
  }

  /** A matrix whose last column holds the labels. */
  static LoadedData lastColumn(InputFile file, NumericArray table, LoadOptions options) {
    if (table.rank() != 2 || table.shape[1] < 2) {
      throw file.error(table.subject() + "has shape " + table.shapeText() + "; without a labels file"
          + " the array must be m × n with the labels in the last column (or give --labels)");
    }
    int n = table.shape[1];
    Matrix x = table.features(file, n - 1);
    double[] y = new double[table.shape[0]];
    for (int i = 0; i < y.length; i++) {
      y[i] = table.values.at(i * n + n - 1);
    }
    return new LoadedData(dataset(file, x, y, file, table.what, options,
        Optional.empty()), Optional.empty());
  }

  /** Classification (or regression) targets from label values; {@code classList} indexes them. */
  static Dataset dataset(InputFile file, Matrix x, double[] y, InputFile labelsFile,
      String labelsWhat, LoadOptions options, Optional<List<String>> classList) {
    String setName = file.path().getFileName().toString();
    List<String> featureNames = Dataset.numberedFeatures(x.cols());
    ClassLabels.Locator where = locator(labelsFile, labelsWhat);
    if (options.regression()) {
      for (int i = 0; i < y.length; i++) {
        target(where, i, y[i]);
      }
      return new Dataset(setName, x, Matrix.of(Precision.F64, y.length, 1, y), List.of(), featureNames);
    }
    ClassLabels.Encoded labels = classList.isPresent() && options.classNames().isEmpty()
        ? ClassLabels.ofIndices(y, classList.get(), where)
        : ClassLabels.ofNumbers(y, options.classNames(), where);
    return Dataset.classification(setName, x, labels.indices(), labels.names(), featureNames);
  }

  /** Where label i is: "dataset 'y' example 3: …". */
  static ClassLabels.Locator locator(InputFile labelsFile, String labelsWhat) {
    return new ClassLabels.Locator() {
      @Override
      public DescentException at(int row, String message) {
        return labelsFile.error((labelsWhat.isEmpty() ? "" : labelsWhat + " ") + "example "
            + (row + 1) + ": " + message);
      }

      @Override
      public DescentException whole(String message) {
        return labelsFile.error((labelsWhat.isEmpty() ? "" : labelsWhat + ": ") + message);
      }
    };
  }

  /** A regression target of example i: finite. */
  static double target(ClassLabels.Locator where, int i, double v) {
    if (!Double.isFinite(v)) {
      throw where.at(i, "target " + Decimal.text(v) + " is not a finite number");
    }
    return v;
  }
}
