package dev.descent.data.io;

import java.nio.file.Path;

/**
 * Loads NumPy {@code .npy} arrays: features m × n (or m × h × w [× c] images, flattened, with
 * their {@link ImageShape}) and the labels either in a second {@code .npy} ({@code
 * LoadOptions.labelsFile}, shape (m) or (m, 1)) or in the last column of an m × n array.
 * {@code |u1} features are pixels and are divided by 255.
 *
 * <pre>{@code
 * new NpyLoader().load(Path.of("X.npy"), LoadOptions.defaults().withLabelsFile(Path.of("y.npy")));
 * }</pre>
 */
public final class NpyLoader implements DataLoader {

  @Override
  public LoadedData read(Path file, LoadOptions options) {
    InputFile features = InputFile.open(file);
    NumericArray x = NpyFile.read(features);
    if (options.labelsFile().isEmpty()) {
      return NumericArray.lastColumn(features, x, options);
    }
    InputFile labels = InputFile.open(options.labelsFile().get());
    return NumericArray.pair(features, x, labels, NpyFile.read(labels), options);
  }
}
