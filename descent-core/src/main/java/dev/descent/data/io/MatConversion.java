package dev.descent.data.io;

import java.util.Optional;

/**
 * Converts a MATLAB v5 file's features and labels variables. MAT v5 files are read whole
 * (mfl-core has no partial reads, and v5 files hold at most 2 GB per variable); the rows are
 * then written as the other binary formats are.
 */
final class MatConversion {
  private MatConversion() {}

  static StreamedData run(InputFile file, LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    MatFile mat = MatFile.read(file.path());
    NumericArray x = mat.array(options.matFeatures());
    NumericArray y = mat.array(options.matLabels());
    return ArrayConversion.run(new ArrayConversion.Source(file, x, ArrayConversion.inMemory(x, x.rowLength())),
        new ArrayConversion.Source(file, y, ArrayConversion.inMemory(y, 1)), options, Optional.empty(), writer,
        progress, file.size());
  }
}
