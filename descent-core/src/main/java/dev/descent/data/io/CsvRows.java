package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of one CSV file (columns, label column, header) from its first row, then each row
 * checked cell by cell: shared by {@link CsvTable}, which keeps the rows, and the converter,
 * which streams them. A row is one example only after {@link #start} has seen the first one.
 */
final class CsvRows {
  private final InputFile file;
  private final LoadOptions options;
  private int columns = -1;
  private int labelIndex;
  private List<String> featureNames;

  CsvRows(InputFile file, LoadOptions options) {
    this.file = file;
    this.options = options;
  }

  boolean started() {
    return columns >= 0;
  }

  /** Learns the layout from the first row; true when that row is a header, not an example. */
  boolean start(long line, CsvRecord first) {
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
    boolean header = false;
    for (int j = 0; j < columns; j++) {
      if (j != labelIndex && !Numbers.isNumber(cells.get(j))) {
        header = true;
      }
    }
    header |= options.labelColumnNumber().isEmpty() && options.labelColumn().isPresent();
    List<String> names = new ArrayList<>(cells);
    names.remove(labelIndex);
    featureNames = header ? names : Dataset.numberedFeatures(columns - 1);
    return header;
  }

  int featureCount() {
    return columns - 1;
  }

  List<String> featureNames() {
    return featureNames;
  }

  /** Writes the row's features to {@code into[offset..offset+n)} and returns its label cell, trimmed. */
  String read(long line, CsvRecord row, double[] into, int offset) {
    if (row.getFieldCount() != columns) {
      throw file.error(line, -1, "expected " + columns + " columns, found " + row.getFieldCount());
    }
    for (int j = 0, k = offset; j < columns; j++) {
      if (j != labelIndex) {
        into[k++] = number(line, j, cell(row, j), "value");
      }
    }
    return cell(row, labelIndex);
  }

  /** A regression target from its label cell. */
  double target(long line, String label) {
    return number(line, labelIndex, label, "target");
  }

  /** An error about the label of the example on {@code line}. */
  DescentException labelError(long line, String message) {
    return file.error(line, labelIndex + 1, message);
  }

  /** Refuses a file without examples. */
  void checkExamples(long examples) {
    if (columns < 0) {
      throw file.error("is empty; expected one example per row: features, then a label");
    }
    if (examples == 0) {
      throw file.error("has a header row but no examples");
    }
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
}
