package dev.descent.spark;

import dev.descent.DescentException;
import dev.descent.data.io.CsvCells;
import java.io.Serializable;
import java.util.List;

/**
 * How an executor reads a line of a numeric CSV: features, then the label in the last column,
 * split at commas (no quoted fields; convert a quoted file to Parquet or .npy locally first).
 * Numbers and classes follow the local loader's rules ({@link CsvCells}). Errors name the data
 * and the line, counted from 1 as an editor counts them.
 *
 * @param path the data as the user gave it, for messages
 * @param columns cells a line must have
 * @param header whether line 1 is a header
 */
record CsvLines(String path, int columns, boolean header) implements Serializable {

  /** The layout of {@code first}, the data's first line: a header when a feature cell is not a number. */
  static CsvLines of(String path, String first) {
    String[] cells = split(first);
    if (cells.length < 2) {
      throw new DescentException(path + " line 1: found " + cells.length + " column; expected features and a label in the last column");
    }
    boolean header = false;
    for (int j = 0; j < cells.length - 1; j++) {
      header |= !CsvCells.isNumber(cells[j]);
    }
    return new CsvLines(path, cells.length, header);
  }

  static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int j = 0; j < cells.length; j++) {
      cells[j] = cells[j].strip();
    }
    return cells;
  }

  /** Feature names from the header, else x1, x2, …. */
  List<String> featureNames(String first) {
    if (!header) {
      return dev.descent.data.Dataset.numberedFeatures(columns - 1);
    }
    return List.of(split(first)).subList(0, columns - 1);
  }

  /** The example index of line {@code lineIndex} (0-based), or −1 for the header. */
  long example(long lineIndex) {
    return header ? lineIndex - 1 : lineIndex;
  }

  /** The cells of line {@code lineIndex} (0-based), checked for their count. */
  String[] cells(String line, long lineIndex) {
    String[] cells = split(line);
    if (cells.length != columns) {
      throw new DescentException(path + " line " + (lineIndex + 1) + ": expected " + columns + " columns, found " + cells.length);
    }
    return cells;
  }

  /** Feature j of a line's cells. */
  double feature(String[] cells, int j, long lineIndex) {
    if (!CsvCells.isNumber(cells[j])) {
      throw new DescentException(path + " line " + (lineIndex + 1) + ", column " + (j + 1) + ": '" + cells[j] + "' is not a number");
    }
    return CsvCells.parse(cells[j]);
  }

  /** Line {@code lineIndex} (0-based, not the header) as an example: its cells counted and its features parsed. */
  Example parse(String line, long lineIndex) {
    String[] cells = cells(line, lineIndex);
    double[] x = new double[columns - 1];
    for (int j = 0; j < x.length; j++) {
      x[j] = feature(cells, j, lineIndex);
    }
    return new Example(example(lineIndex), x, label(cells), path, lineIndex + 1, true);
  }

  static String label(String[] cells) {
    return cells[cells.length - 1];
  }
}
