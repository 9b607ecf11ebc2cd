package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.io.CsvLoader;
import dev.descent.data.io.DataLoaders;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.LoadedData;
import dev.descent.model.Model;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a data file through the loaders of {@code data.io}, chosen by extension or {@code --format}. */
final class FileData {
  private FileData() {}

  static LoadedData read(Path file, DataRequest request) {
    return read(file, request, Precision.F64);
  }

  /** {@link #read} with the features in {@code precision} where the format allows (CSV). */
  static LoadedData read(Path file, DataRequest request, Precision precision) {
    return DataLoaders.forFile(file, Optional.ofNullable(request.format())).read(file, options(request).withPrecision(precision));
  }

  /** The loaders' options for {@code request}. */
  static LoadOptions options(DataRequest request) {
    LoadOptions options = LoadOptions.defaults();
    if (request.labelColumn() != null) {
      options = options.withLabelColumn(request.labelColumn());
    }
    if (!request.classes().isEmpty()) {
      options = options.withClassNames(request.classes());
    }
    if (request.labelsFile() != null) {
      options = options.withLabelsFile(Path.of(request.labelsFile()));
    }
    if (request.regression()) {
      options = options.withRegression(true);
    }
    if (request.hdf5Features() != null || request.hdf5Labels() != null) {
      options = options.withHdf5(request.hdf5Features(), request.hdf5Labels());
    }
    return options;
  }

  private static boolean isCsv(Path file, DataRequest request) {
    return (request.format() != null ? request.format() : DataLoaders.formatOf(file)).equalsIgnoreCase("csv");
  }

  static Dataset load(Path file, DataRequest request) {
    return read(file, request).dataset();
  }

  /**
   * Examples to predict with {@code model}: a file with the model's features and, optionally, a
   * label column (ignored). A CSV without a label column is read as all features.
   */
  static Dataset unlabelled(Path file, DataRequest request, Model model) {
    int inputs = model.network().inputs();
    Dataset d;
    try {
      d = load(file, request.asRegression());
    } catch (DescentException numericLabelsOnly) {
      d = load(file, request);
    }
    if (d.featureCount() == inputs) {
      return d;
    }
    if (d.featureCount() == inputs - 1 && !d.isClassification() && d.targets().cols() == 1) {
      // no label column: what was read as the label is the last feature
      Matrix all = Matrix.zeros(Precision.F64, d.size(), inputs);
      for (int i = 0; i < d.size(); i++) {
        for (int j = 0; j < inputs - 1; j++) {
          all.set(i, j, d.features().get(i, j));
        }
        all.set(i, inputs - 1, d.targets().get(i, 0));
      }
      // a header's names stay the file's (the last one read as the label's), to be matched by name
      List<String> names = Dataset.numberedFeatures(inputs);
      if (!d.featureNames().equals(Dataset.numberedFeatures(inputs - 1)) && isCsv(file, request)) {
        names = CsvLoader.firstRow(file);
      }
      return new Dataset(d.name(), all, Matrix.zeros(Precision.F64, d.size(), 1), List.of(), names);
    }
    throw new DescentException(file + ": has " + (d.featureCount() + 1) + " columns; the model expects "
        + inputs + " features" + (model.featureNames().isEmpty() ? "" : " (" + String.join(", ", model.featureNames()) + ")")
        + ", optionally followed by a label column");
  }
}
