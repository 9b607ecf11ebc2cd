package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.Arrays;

/**
 * The rows of one CSV file as FastCSV delivers them (the path for quoted fields), checked by
 * {@link CsvRows} and kept in memory, features in the requested precision.
 */
final class CsvTable {
  private final InputFile file;
  private final LoadOptions options;
  private final boolean f32;
  private final CsvRows csv;
  private double[] row;
  private int rows;
  private float[] features32 = new float[0];
  private double[] features64 = new double[0];
  private double[] targets = new double[64];   // regression
  private String[] labels = new String[64];    // classification
  private long[] lines = new long[64];

  CsvTable(InputFile file, LoadOptions options) {
    this.file = file;
    this.options = options;
    this.f32 = options.precision() == Precision.F32;
    this.csv = new CsvRows(file, options);
  }

  void add(long line, CsvRecord record) {
    if (!csv.started()) {
      boolean header = csv.start(line, record);
      row = new double[csv.featureCount()];
      if (header) {
        return;
      }
    }
    grow();
    String label = csv.read(line, record, row, 0);
    int n = row.length;
    for (int j = 0, k = rows * n; j < n; j++, k++) {
      if (f32) {
        features32[k] = ParallelCsvParser.toFloat(row[j]);
      } else {
        features64[k] = row[j];
      }
    }
    if (options.regression()) {
      targets[rows] = csv.target(line, label);
    } else {
      labels[rows] = label;
    }
    lines[rows++] = line;
  }

  Dataset finish() {
    csv.checkExamples(rows);
    int n = csv.featureCount();
    Matrix x = f32 ? Matrix.wrap(rows, n, Arrays.copyOf(features32, rows * n))
        : Matrix.wrap(rows, n, Arrays.copyOf(features64, rows * n));
    return csv.layout().dataset(file, options, x, Arrays.copyOf(targets, rows),
        options.regression() ? null : ClassLabels.Distinct.of(Arrays.copyOf(labels, rows)), r -> lines[r]);
  }

  private void grow() {
    int n = csv.featureCount();
    if ((long) (rows + 1) * n > Integer.MAX_VALUE - 8) {
      throw file.error("has more than " + (Integer.MAX_VALUE - 8) + " values; too large for one matrix");
    }
    int capacity = f32 ? features32.length : features64.length;
    if ((rows + 1) * n > capacity) {
      int size = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(1024, 2L * (rows + 1) * n));
      if (f32) {
        features32 = Arrays.copyOf(features32, size);
      } else {
        features64 = Arrays.copyOf(features64, size);
      }
    }
    if (rows == lines.length) {
      int size = 2 * rows;
      lines = Arrays.copyOf(lines, size);
      labels = Arrays.copyOf(labels, size);
      targets = Arrays.copyOf(targets, size);
    }
  }
}
