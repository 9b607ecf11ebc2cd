package dev.descent.data.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a conversion wrote: {@code examples} rows of {@code features} values, the classes
 * (empty for regression), the bytes read from the input files and written to {@code directory}.
 */
public record ConversionResult(long examples, int features, List<String> classNames,
    Optional<ImageShape> imageShape, long bytesRead, long bytesWritten, Path directory) {

  public ConversionResult {
    classNames = List.copyOf(classNames);
  }
}
