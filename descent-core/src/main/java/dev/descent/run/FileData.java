package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.model.Model;
import java.nio.file.Path;

/** Reads a data file through the loaders of {@code data.io}. */
final class FileData {
  private FileData() {}

  static Dataset load(Path file, DataRequest request, Model unlabelledFor) {
    throw new DescentException(file + ": LOCAL-ONLY placeholder until data.io is merged");
  }
}
