package dev.descent.run;

import java.util.List;

/**
 * Where to get examples: {@code source} is a file path or a built-in set's name.
 *
 * @param format a format name overriding the file extension, or null
 * @param labelColumn CSV label column by name or 1-based index, or null for the last
 * @param labelsFile a separate labels file (.npy, IDX), or null
 * @param classes class names in order, or for generated sets a single number K; empty for the default
 * @param examples size of a generated set
 * @param noise noise of a generated set; NaN for the set's own default
 * @param seed seed of a generated set
 * @param regression keep numeric targets instead of classes
 * @param hdf5Features HDF5 dataset of the features, or null to detect {@code *_set_x}
 * @param hdf5Labels HDF5 dataset of the labels, or null to detect {@code *_set_y}
 */
public record DataRequest(String source, String format, String labelColumn, String labelsFile,
    List<String> classes, int examples, double noise, long seed, boolean regression,
    String hdf5Features, String hdf5Labels) {
  public DataRequest {
    classes = List.copyOf(classes);
  }

  /** Classification with the loaders' detection of HDF5 datasets. */
  public DataRequest(String source, String format, String labelColumn, String labelsFile, List<String> classes,
      int examples, double noise, long seed) {
    this(source, format, labelColumn, labelsFile, classes, examples, noise, seed, false, null, null);
  }

  public static DataRequest builtIn(String name, int examples, double noise, long seed) {
    return new DataRequest(name, null, null, null, List.of(), examples, noise, seed, false, null, null);
  }

  /** A plain file read with default options. */
  public static DataRequest file(String path) {
    return new DataRequest(path, null, null, null, List.of(), 0, Double.NaN, 0, false, null, null);
  }

  public DataRequest withClasses(List<String> names) {
    return new DataRequest(source, format, labelColumn, labelsFile, names, examples, noise, seed, regression,
        hdf5Features, hdf5Labels);
  }

  /**
   * This request with its file paths (data and labels file) absolute, as a checkpoint or search
   * journal records them: {@code resume} may run in another directory than {@code train} did.
   */
  public DataRequest absolute() {
    String file = DataSource.isBuiltIn(source) ? source : java.nio.file.Path.of(source).toAbsolutePath().normalize().toString();
    String labels = labelsFile == null ? null : java.nio.file.Path.of(labelsFile).toAbsolutePath().normalize().toString();
    return new DataRequest(file, format, labelColumn, labels, classes, examples, noise, seed, regression, hdf5Features, hdf5Labels);
  }

  DataRequest asRegression() {
    return new DataRequest(source, format, labelColumn, labelsFile, List.of(), examples, noise, seed, true,
        hdf5Features, hdf5Labels);
  }
}
