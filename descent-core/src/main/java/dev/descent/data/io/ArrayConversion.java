package dev.descent.data.io;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.util.List;
import java.util.Optional;

/**
 * Streams a features array and a labels vector of a binary format (HDF5, IDX, MAT) into an
 * {@link ExampleWriter}, a block of rows at a time, with the checks and messages of {@link
 * NumericArray#pair} and its classes ({@link ClassLabels} over the distinct label values).
 */
final class ArrayConversion {
  private static final int BLOCK_VALUES = 1 << 20;   // 8 MB of doubles per block of rows
  private static final int PROGRESS_ROWS = 8192;

  /**
   * The rows of an array in order: each call reads the next {@code rows} rows, C order, into
   * {@code into}; a failure is a {@link DescentException} naming the file.
   */
  interface RowBlocks {
    void read(long first, int rows, double[] into);
  }

  /** An array's shape and meaning ({@code array}, whose values are read by {@code rows}) in {@code file}. */
  record Source(InputFile file, NumericArray array, RowBlocks rows) {}

  private ArrayConversion() {}

  /** The rows of an array held in memory (a MAT variable), {@code n} values a row (1 for labels). */
  static RowBlocks inMemory(NumericArray array, int n) {
    return (first, rows, into) -> {
      for (int k = 0; k < rows * n; k++) {
        into[k] = array.values().at((int) (first * n + k));
      }
    };
  }

  static StreamedData run(Source x, Source y, LoadOptions options, Optional<List<String>> classList,
      ExampleWriter writer, ConversionProgress progress, long totalBytes) {
    y.array().checkLabelCount(y.file(), x.file(), x.array());
    x.array().checkFeatures(x.file());
    long m = x.array().shape()[0];
    int n = x.array().rowLength();
    int block = (int) Math.min(m, Math.max(1, BLOCK_VALUES / n));
    double[] features = new double[block * n];
    double[] labels = new double[block];
    ClassLabels.Locator where = NumericArray.locator(y.file(), y.array().what());
    LabelCodes<Double> codes = new LabelCodes<>();
    writer.start(n);
    for (long first = 0; first < m; first += block) {
      int rows = (int) Math.min(block, m - first);
      x.rows().read(first, rows, features);
      y.rows().read(first, rows, labels);
      for (int r = 0; r < rows; r++) {
        long i = first + r;
        for (int j = 0; j < n; j++) {
          features[r * n + j] = x.array().feature(x.file(), i, j, features[r * n + j]);
        }
        writer.features(features, r * n, n);
        if (options.regression()) {
          writer.target(NumericArray.target(where, (int) i, labels[r]));
        } else {
          writer.code(codes.code(labels[r], i));
        }
        if (writer.rows() % PROGRESS_ROWS == 0) {
          progress.update(totalBytes * writer.rows() / m, totalBytes, writer.rows());
        }
      }
    }
    List<String> classNames = options.regression() ? List.of() : classes(codes, m, options, classList, where, writer);
    if (options.regression()) {
      writer.finish(code -> code);
    }
    progress.update(totalBytes, totalBytes, m);
    return new StreamedData(Dataset.numberedFeatures(n), classNames, x.array().imageShape(), totalBytes);
  }

  /** The classes of the distinct labels; the codes written are remapped to them. */
  private static List<String> classes(LabelCodes<Double> codes, long m, LoadOptions options,
      Optional<List<String>> classList, ClassLabels.Locator rowWhere, ExampleWriter writer) {
    double[] distinct = codes.labels().stream().mapToDouble(Double::doubleValue).toArray();
    ClassLabels.Locator where = new ClassLabels.Locator() {
      @Override
      public DescentException at(int code, String message) {
        return rowWhere.at((int) codes.firstSeen(code), message);
      }

      @Override
      public DescentException whole(String message) {
        return rowWhere.whole(message);
      }
    };
    ClassLabels.Encoded encoded = classList.isPresent() && options.classNames().isEmpty()
        ? ClassLabels.ofIndices(distinct, m, classList.get(), where)
        : ClassLabels.ofNumbers(distinct, m, options.classNames(), where);
    writer.finish(code -> encoded.indices()[code]);
    return encoded.names();
  }
}
