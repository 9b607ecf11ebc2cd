package dev.descent.data.io;

import dev.descent.data.Dataset;
import java.nio.file.Path;

/**
 * Reads one data file format into examples as rows. Implementations throw {@link
 * dev.descent.DescentException} (file, and line and column where the format has lines) for any
 * problem with the file, never a raw {@link java.io.IOException}.
 *
 * <pre>{@code
 * Dataset d = DataLoaders.forFile(Path.of("train.csv")).load(Path.of("train.csv"), LoadOptions.defaults());
 * }</pre>
 */
public interface DataLoader {

  /** The examples in {@code file}, with the image shape when the file holds images. */
  LoadedData read(Path file, LoadOptions options);

  /** The examples in {@code file}. */
  default Dataset load(Path file, LoadOptions options) {
    return read(file, options).dataset();
  }
}
