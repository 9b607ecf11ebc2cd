package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rows of one CSV file as they arrive: layout from the first row, then numbers checked cell by cell. */
final class CsvTable {
  private final InputFile file;
  private final LoadOptions options;
  private int columns = -1;
  private int labelIndex;
  private List<String> featureNames;
  private boolean sawHeader;
  private int rows;
  private double[] features = new double[1024];
  private double[] targets = new double[64];   // regression
  private String[] labels = new String[64];    // classification
  private long[] lines = new long[64];

  CsvTable(InputFile file, LoadOptions options) {
    this.file = file;
    this.options = options;
  }

  void add(long line, CsvRecord row) {
    if (columns < 0) {
      layout(line, row);
      if (sawHeader) {
        return;
      }
    }
    if (row.getFieldCount() != columns) {
      throw file.error(line, -1, "expected " + columns + " columns, found " + row.getFieldCount());
    }
    grow();
    int n = columns - 1;
    for (int j = 0, k = 0; j < columns; j++) {
      if (j != labelIndex) {
        features[rows * n + k++] = number(line, j, cell(row, j), "value");
      }
    }
    String label = cell(row, labelIndex);
    if (options.regression()) {
      targets[rows] = number(line, labelIndex, label, "target");
    } else {
      labels[rows] = label;
    }
    lines[rows++] = line;
  }

  Dataset finish() {
    if (columns < 0) {
      throw file.error("is empty; expected one example per row: features, then a label");
    }
    if (rows == 0) {
      throw file.error("has a header row but no examples");
    }
    String name = file.path().getFileName().toString();
    Matrix x = Matrix.of(Precision.F64, rows, columns - 1, Arrays.copyOf(features, rows * (columns - 1)));
    if (options.regression()) {
      return new Dataset(name, x, Matrix.of(Precision.F64, rows, 1, Arrays.copyOf(targets, rows)),
          List.of(), featureNames);
    }
    ClassLabels.Encoded encoded = ClassLabels.ofText(Arrays.copyOf(labels, rows),
        options.classNames(), new ClassLabels.Locator() {
          @Override
          public DescentException at(int row, String message) {
            return file.error(lines[row], labelIndex + 1, message);
          }

          @Override
          public DescentException whole(String message) {
            return file.error(message);
          }
        });
    return Dataset.classification(name, x, encoded.indices(), encoded.names(), featureNames);
  }

  /** Columns, label column and header from the first row. */
  private void layout(long line, CsvRecord first) {
    columns = first.getFieldCount();
    if (columns < 2) {
      throw file.error(line, -1, "found " + columns + " column; expected features and a label (at"
          + " least 2 columns)");
    }
    List<String> cells = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      cells.add(cell(first, j));
    }
    labelIndex = labelIndex(line, cells);
    for (int j = 0; j < columns; j++) {
      if (j != labelIndex && !Numbers.isNumber(cells.get(j))) {
        sawHeader = true;
      }
    }
    sawHeader |= options.labelColumnNumber().isEmpty() && options.labelColumn().isPresent();
    List<String> names = new ArrayList<>(cells);
    names.remove(labelIndex);
    featureNames = sawHeader ? names : Dataset.numberedFeatures(columns - 1);
  }

  private int labelIndex(long line, List<String> firstRow) {
    if (options.labelColumn().isEmpty()) {
      return columns - 1;
    }
    Optional<Integer> number = options.labelColumnNumber();
    if (number.isPresent()) {
      if (number.get() > columns) {
        throw file.error(line, -1, "label column " + number.get() + " is past the last column ("
            + columns + ")");
      }
      return number.get() - 1;
    }
    String name = options.labelColumn().get();
    int index = firstRow.indexOf(name);
    if (index < 0) {
      boolean numeric = firstRow.stream().allMatch(Numbers::isNumber);
      throw file.error(line, -1, "label column '" + name + "' is not in the header; "
          + (numeric ? "the file has no header (the first row is numbers), so give the column by number"
          : "the columns are " + String.join(", ", firstRow)));
    }
    return index;
  }

  private double number(long line, int column, String text, String what) {
    if (text.isEmpty()) {
      throw file.error(line, column + 1, "empty " + what + "; expected a number");
    }
    if (!Numbers.isNumber(text)) {
      throw file.error(line, column + 1, what + " \"" + shorten(text) + "\" is not a number");
    }
    double v = Numbers.parse(text);
    if (!Double.isFinite(v)) {
      throw file.error(line, column + 1, what + " " + text + " is not a finite number");
    }
    return v;
  }

  /** Cell j trimmed, without a byte-order mark. */
  private static String cell(CsvRecord row, int j) {
    String s = row.getField(j);
    if (j == 0 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s.trim();
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private void grow() {
    int n = columns - 1;
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
