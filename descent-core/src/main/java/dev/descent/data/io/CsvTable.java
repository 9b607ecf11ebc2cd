package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.Arrays;
import java.util.List;

/** The rows of one CSV file as they arrive, kept in memory: layout and checks by {@link CsvRows}. */
final class CsvTable {
  private final InputFile file;
  private final LoadOptions options;
  private final CsvRows layout;
  private int rows;
  private double[] features = new double[1024];
  private double[] targets = new double[64];   // regression
  private String[] labels = new String[64];    // classification
  private long[] lines = new long[64];

  CsvTable(InputFile file, LoadOptions options) {
    this.file = file;
    this.options = options;
    this.layout = new CsvRows(file, options);
  }

  void add(long line, CsvRecord row) {
    if (!layout.started() && layout.start(line, row)) {
      return;
    }
    grow();
    String label = layout.read(line, row, features, rows * layout.featureCount());
    if (options.regression()) {
      targets[rows] = layout.target(line, label);
    } else {
      labels[rows] = label;
    }
    lines[rows++] = line;
  }

  Dataset finish() {
    layout.checkExamples(rows);
    String name = file.path().getFileName().toString();
    int n = layout.featureCount();
    Matrix x = Matrix.of(Precision.F64, rows, n, Arrays.copyOf(features, rows * n));
    if (options.regression()) {
      return new Dataset(name, x, Matrix.of(Precision.F64, rows, 1, Arrays.copyOf(targets, rows)),
          List.of(), layout.featureNames());
    }
    ClassLabels.Encoded encoded = ClassLabels.ofText(Arrays.copyOf(labels, rows),
        options.classNames(), new ClassLabels.Locator() {
          @Override
          public DescentException at(int row, String message) {
            return layout.labelError(lines[row], message);
          }

          @Override
          public DescentException whole(String message) {
            return file.error(message);
          }
        });
    return Dataset.classification(name, x, encoded.indices(), encoded.names(), layout.featureNames());
  }

  private void grow() {
    int n = layout.featureCount();
    if ((long) (rows + 1) * n > Integer.MAX_VALUE - 8) {
      throw file.error("has more than " + (Integer.MAX_VALUE - 8) + " values; too large for one matrix");
    }
    if ((rows + 1) * n > features.length) {
      features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * (rows + 1) * n));
    }
    if (rows == lines.length) {
      int size = 2 * rows;
      lines = Arrays.copyOf(lines, size);
      labels = Arrays.copyOf(labels, size);
      targets = Arrays.copyOf(targets, size);
    }
  }
}
