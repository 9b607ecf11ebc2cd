package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one CSV file as FastCSV delivers them (the path for quoted fields): layout from the
 * first row, then numbers checked cell by cell, features kept in the requested precision.
 */
final class CsvTable {
  private final InputFile file;
  private final LoadOptions options;
  private final boolean f32;
  private CsvLayout layout;
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
  }

  void add(long line, CsvRecord row) {
    if (layout == null) {
      List<String> cells = new ArrayList<>();
      for (int j = 0; j < row.getFieldCount(); j++) {
        cells.add(cell(row, j));
      }
      layout = CsvLayout.of(file, options, line, cells);
      if (layout.header()) {
        return;
      }
    }
    int columns = layout.columns();
    if (row.getFieldCount() != columns) {
      throw layout.ragged(file, line, row.getFieldCount());
    }
    grow();
    int n = layout.features();
    for (int j = 0, k = rows * n; j < columns; j++) {
      if (j != layout.labelIndex()) {
        double v = number(line, j, cell(row, j), "value");
        if (f32) {
          features32[k++] = ParallelCsvParser.toFloat(v);
        } else {
          features64[k++] = v;
        }
      }
    }
    String label = cell(row, layout.labelIndex());
    if (options.regression()) {
      targets[rows] = number(line, layout.labelIndex(), label, "target");
    } else {
      labels[rows] = label;
    }
    lines[rows++] = line;
  }

  Dataset finish() {
    if (layout == null) {
      throw file.error("is empty; expected one example per row: features, then a label");
    }
    if (rows == 0) {
      throw file.error("has a header row but no examples");
    }
    int n = layout.features();
    Matrix x = f32 ? Matrix.wrap(rows, n, Arrays.copyOf(features32, rows * n))
        : Matrix.wrap(rows, n, Arrays.copyOf(features64, rows * n));
    return layout.dataset(file, options, x, Arrays.copyOf(targets, rows),
        options.regression() ? null : ClassLabels.Distinct.of(Arrays.copyOf(labels, rows)), row -> lines[row]);
  }

  private double number(long line, int column, String text, String what) {
    if (!text.isEmpty() && Numbers.isNumber(text)) {
      double v = Numbers.parse(text);
      if (Double.isFinite(v)) {
        return v;
      }
    }
    throw CsvLayout.badNumber(file, line, column + 1, what, text);
  }

  /** Cell j trimmed, without a byte-order mark. */
  private static String cell(CsvRecord row, int j) {
    String s = row.getField(j);
    if (j == 0 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s.trim();
  }

  private void grow() {
    int n = layout.features();
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
