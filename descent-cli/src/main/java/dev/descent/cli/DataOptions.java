package dev.descent.cli;

import dev.descent.data.Dataset;
import dev.descent.data.io.LoadedData;
import dev.descent.run.DataRequest;
import dev.descent.run.DataSource;
import dev.descent.tensor.Precision;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the examples come from: a file, or a built-in generated data set. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "FILE|NAME", defaultValue = "moons",
      description = "A data file (.csv, .h5, .mat, .npy, .idx) or a built-in set: moons, circles, blobs, spiral, football (default: ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--test", paramLabel = "FILE", description = "A separate test set (same format); then --split applies to --data as train,dev.")
  String test;

  @Option(names = "--format", paramLabel = "NAME", description = "Read --data as this format instead of guessing from the extension: csv, hdf5, mat, npy, idx.")
  String format;

  @Option(names = "--label", paramLabel = "COLUMN", description = "CSV label column, by name or 1-based index (default: the last column).")
  String label;

  @Option(names = "--labels", paramLabel = "FILE", description = "Labels in a separate file (.npy or IDX), one per example of --data.")
  String labelsFile;

  @Option(names = "--classes", paramLabel = "NAMES|K", split = ",",
      description = "Class names in order (labels outside them are an error), or for blobs/spiral the number of classes.")
  List<String> classes;

  @Option(names = "--regression", description = "Numeric targets (mean squared error, linear output) instead of classes.")
  boolean regression;

  @Option(names = "--hdf5-features", paramLabel = "NAME", description = "HDF5 dataset of the features (default: the *_set_x one).")
  String hdf5Features;

  @Option(names = "--hdf5-labels", paramLabel = "NAME", description = "HDF5 dataset of the labels (default: the *_set_y one).")
  String hdf5Labels;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "300", description = "Examples of a built-in data set (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--noise", paramLabel = "SD", description = "Noise of a built-in data set (default: the set's own, e.g. 0.2 for moons).")
  Double noise;

  @Option(names = "--data-seed", paramLabel = "SEED", defaultValue = "3", description = "Seed of a built-in data set (default: ${DEFAULT-VALUE}, as the course's moons).")
  long dataSeed;

  DataRequest request(String source) {
    if (examples < 2) {
      throw new UsageException("--examples " + examples + ": a data set needs at least 2 examples");
    }
    return new DataRequest(source, format, label, labelsFile, classes == null ? List.of() : classes, examples,
        noise == null ? Double.NaN : noise, dataSeed, regression, hdf5Features, hdf5Labels);
  }

  Dataset load() {
    return DataSource.load(request(data));
  }

  /** {@link #load} with the image shape the file declares, if any. */
  LoadedData read() {
    return read(Precision.F64);
  }

  /** {@link #read} with the features in the training precision where the format allows (CSV). */
  LoadedData read(Precision precision) {
    return DataSource.read(request(data), precision);
  }

  Dataset loadTest() {
    return loadTest(Precision.F64);
  }

  Dataset loadTest(Precision precision) {
    return test == null ? null : DataSource.read(request(test), precision).dataset();
  }
}
