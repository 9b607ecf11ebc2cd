package dev.descent.data.io;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the first row of a CSV says about the rest: the number of columns, the label column, and
 * whether the row is a header (any feature cell not a number, or the label column given by name).
 * Both CSV readers ({@link CsvTable}, {@link ParallelCsvParser}) take it from here.
 */
record CsvLayout(int columns, int labelIndex, boolean header, List<String> featureNames) {

  /** The layout from the first row's cells, trimmed and without a byte-order mark. */
  static CsvLayout of(InputFile file, LoadOptions options, long line, List<String> cells) {
    int columns = cells.size();
    if (columns < 2) {
      throw file.error(line, -1, "found " + columns + " column; expected features and a label (at"
          + " least 2 columns)");
    }
    int labelIndex = labelIndex(file, options, line, cells);
    boolean header = options.labelColumnNumber().isEmpty() && options.labelColumn().isPresent();
    for (int j = 0; j < columns; j++) {
      if (j != labelIndex && !Numbers.isNumber(cells.get(j))) {
        header = true;
      }
    }
    List<String> names = new ArrayList<>(cells);
    names.remove(labelIndex);
    return new CsvLayout(columns, labelIndex, header, header ? List.copyOf(names)
        : Dataset.numberedFeatures(columns - 1));
  }

  int features() {
    return columns - 1;
  }

  private static int labelIndex(InputFile file, LoadOptions options, long line, List<String> firstRow) {
    int columns = firstRow.size();
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

  /** The error for a row with another number of columns. */
  RuntimeException ragged(InputFile file, long line, int found) {
    return file.error(line, -1, "expected " + columns + " columns, found " + found);
  }

  /** The error for a cell (1-based {@code column}) that is empty, not a number, or not finite. */
  static RuntimeException badNumber(InputFile file, long line, int column, String what, String text) {
    if (text.isEmpty()) {
      return file.error(line, column, "empty " + what + "; expected a number");
    }
    if (!Numbers.isNumber(text)) {
      String shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
      return file.error(line, column, what + " \"" + shown + "\" is not a number");
    }
    return file.error(line, column, what + " " + text + " is not a finite number");
  }

  /** Where a row is, for label errors: its 1-based line. */
  interface RowLines {
    long line(int row);
  }

  /**
   * The data set from parsed columns: {@code x} the features, and {@code targets} (regression)
   * or {@code labels} (classification) with the label errors placed by {@code lines}.
   */
  Dataset dataset(InputFile file, LoadOptions options, Matrix x, double[] targets,
      ClassLabels.Distinct labels, RowLines lines) {
    String name = file.path().getFileName().toString();
    if (options.regression()) {
      return new Dataset(name, x, Matrix.wrap(targets.length, 1, targets), List.of(), featureNames);
    }
    ClassLabels.Encoded encoded = ClassLabels.ofText(labels, options.classNames(), new ClassLabels.Locator() {
      @Override
      public DescentException at(int row, String message) {
        return file.error(lines.line(row), labelIndex + 1, message);
      }

      @Override
      public DescentException whole(String message) {
        return file.error(message);
      }
    });
    return Dataset.classification(name, x, encoded.indices(), encoded.names(), featureNames);
  }
}
