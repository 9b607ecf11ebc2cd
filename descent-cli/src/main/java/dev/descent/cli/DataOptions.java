package dev.descent.cli;

import dev.descent.data.Dataset;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.io.MappedExamples;
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

  @Option(names = "--stream", paramLabel = "WHEN", defaultValue = "auto",
      description = "Read --data from a memory-mapped file in batches instead of holding it in the heap: auto"
          + " (a converted directory or float .npy whose features would fill a quarter of the heap), always, never"
          + " (default: ${DEFAULT-VALUE}).")
  String stream;

  @Option(names = "--shuffle", paramLabel = "ORDER",
      description = "Order of each epoch when streaming: blocks (runs of consecutive examples in a random order,"
          + " shuffled 16 blocks at a time: fast on a disk) or uniform (every order equally likely; the order a"
          + " resident run uses). Default: blocks when streaming.")
  String shuffle;

  DataSource.Residency residency() {
    return switch (stream.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> DataSource.Residency.AUTO;
      case "always" -> DataSource.Residency.ALWAYS;
      case "never" -> DataSource.Residency.NEVER;
      default -> throw new UsageException("--stream " + stream + ": expected auto, always or never");
    };
  }

  /** True for --shuffle uniform (streamed data in the order a resident run would use); any other value but blocks is refused. */
  boolean uniformShuffle() {
    if (shuffle == null) {
      return false;
    }
    return switch (shuffle.toLowerCase(java.util.Locale.ROOT)) {
      case "blocks" -> false;
      case "uniform" -> true;
      default -> throw new UsageException("--shuffle " + shuffle + ": expected blocks or uniform");
    };
  }

  /** The mapped examples to stream from, when --data is to be streamed. */
  java.util.Optional<MappedExamples> streamed() {
    boolean uniform = uniformShuffle();   // checks the value before any file is opened
    java.util.Optional<MappedExamples> mapped = DataSource.streamed(request(data), residency());
    if (mapped.isEmpty() && shuffle != null && !uniform) {
      throw new UsageException("--shuffle " + shuffle + ": only streamed data are ordered by blocks; " + data
          + " is held in memory and shuffled uniformly (give --stream always to stream a float .npy or converted directory)");
    }
    return mapped.map(m -> uniform ? m.withShuffleOrder(ShuffleOrder.UNIFORM) : m);
  }

  /** Built-in sets are generated in the heap: 10 million 2-D examples take some 160 MB. */
  static final int MAX_GENERATED = 10_000_000;

  DataRequest request(String source) {
    if (noise != null && !(noise >= 0 && noise < Double.POSITIVE_INFINITY)) {
      throw new UsageException("--noise " + noise + ": must be a finite number ≥ 0, e.g. --noise 0.2 (leave it out for the set's own)");
    }
    if (examples < 2 || examples > MAX_GENERATED) {
      throw new UsageException("--examples " + examples + ": a built-in data set has 2 to " + MAX_GENERATED + " examples"
          + (examples > MAX_GENERATED ? " (it is generated in memory; for more, write your data to a file, descent convert"
          + " it and train on it streamed)" : ""));
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

  /** The separate test set: mapped when it is a float .npy or converted directory that --stream would stream. */
  dev.descent.data.Examples testExamples() {
    if (test == null) {
      return null;
    }
    java.util.Optional<MappedExamples> mapped = DataSource.streamed(request(test), residency());
    return mapped.isPresent() ? mapped.get() : DataSource.load(request(test));
  }
}
