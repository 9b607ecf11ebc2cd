package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.DescentException;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV file's rows as FastCSV delivers them, each checked cell by cell against the file's
 * {@link CsvLayout} (learned from the first row): what the converter streams row by row, with
 * the same messages as the loaders. A row is one example only after {@link #start} has seen the
 * first one.
 */
final class CsvRows {
  private final InputFile file;
  private final LoadOptions options;
  private CsvLayout layout;

  CsvRows(InputFile file, LoadOptions options) {
    this.file = file;
    this.options = options;
  }

  boolean started() {
    return layout != null;
  }

  /** Learns the layout from the first row; true when that row is a header, not an example. */
  boolean start(long line, CsvRecord first) {
    List<String> cells = new ArrayList<>();
    for (int j = 0; j < first.getFieldCount(); j++) {
      cells.add(cell(first, j));
    }
    layout = CsvLayout.of(file, options, line, cells);
    return layout.header();
  }

  /** The layout learned from the first row (after {@link #start}). */
  CsvLayout layout() {
    return layout;
  }

  int featureCount() {
    return layout.features();
  }

  List<String> featureNames() {
    return layout.featureNames();
  }

  /** Writes the row's features to {@code into[offset..offset+n)} and returns its label cell, trimmed. */
  String read(long line, CsvRecord row, double[] into, int offset) {
    if (row.getFieldCount() != layout.columns()) {
      throw layout.ragged(file, line, row.getFieldCount());
    }
    for (int j = 0, k = offset; j < layout.columns(); j++) {
      if (j != layout.labelIndex()) {
        into[k++] = number(line, j, cell(row, j), "value");
      }
    }
    return cell(row, layout.labelIndex());
  }

  /** A regression target from its label cell. */
  double target(long line, String label) {
    return number(line, layout.labelIndex(), label, "target");
  }

  /** An error about the label of the example on {@code line}. */
  DescentException labelError(long line, String message) {
    return file.error(line, layout.labelIndex() + 1, message);
  }

  /** Refuses a file without examples. */
  void checkExamples(long examples) {
    if (layout == null) {
      throw file.error("is empty; expected one example per row: features, then a label");
    }
    if (examples == 0) {
      throw file.error("has a header row but no examples");
    }
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
  static String cell(CsvRecord row, int j) {
    String s = row.getField(j);
    if (j == 0 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s.trim();
  }
}
