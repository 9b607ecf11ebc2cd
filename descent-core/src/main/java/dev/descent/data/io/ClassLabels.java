package dev.descent.data.io;

import dev.descent.DescentException;
import dev.descent.io.Decimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels as class indices. Names are kept in order of first appearance; whole numbers are
 * sorted numerically ("2" before "10"), and 0/1 labels always give the classes "0" and "1" so
 * that a binary file holding one class still loads as binary. With given class names, a label's
 * index is its position in that list, and a label outside it is an error.
 */
final class ClassLabels {

  /** Where row i of the labels is, for error messages. */
  interface Locator {
    DescentException at(int row, String message);

    DescentException whole(String message);
  }

  record Encoded(int[] indices, List<String> names) {}

  private ClassLabels() {}

  /**
   * Text labels as their distinct values in order of first appearance and one id per row, so a
   * large file needs no {@code String} per row; {@code firstRow[d]} is where value d first appears.
   */
  record Distinct(List<String> values, int[] firstRow, int[] ids) {

    static Distinct of(String[] labels) {
      Map<String, Integer> seen = new HashMap<>();
      List<String> values = new ArrayList<>();
      int[] firstRow = new int[labels.length];
      int[] ids = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        Integer id = seen.putIfAbsent(labels[i], values.size());
        if (id == null) {
          id = values.size();
          firstRow[id] = i;
          values.add(labels[i]);
        }
        ids[i] = id;
      }
      return new Distinct(values, Arrays.copyOf(firstRow, values.size()), ids);
    }
  }

  /** Labels given as text (CSV): numeric when every one is a whole number, else names. */
  static Encoded ofText(String[] labels, List<String> classNames, Locator where) {
    return ofText(Distinct.of(labels), classNames, where);
  }

  /**
   * {@link #ofText(String[], List, Locator)} on distinct values: a check that fails at the first
   * such row fails at the first such value, since values are in order of first appearance.
   */
  static Encoded ofText(Distinct labels, List<String> classNames, Locator where) {
    List<String> values = labels.values();
    double[] numbers = new double[values.size()];
    for (int d = 0; d < numbers.length; d++) {
      if (!Numbers.isNumber(values.get(d))) {
        return checked(perRow(labels, ofNames(values.toArray(String[]::new), classNames,
            firstRows(labels, where))), where);
      }
      numbers[d] = Numbers.parse(values.get(d));
    }
    return checked(perRow(labels, numbersOf(numbers, classNames, firstRows(labels, where))), where);
  }

  /** A locator for distinct value d: the row where it first appears. */
  private static Locator firstRows(Distinct labels, Locator where) {
    return new Locator() {
      @Override
      public DescentException at(int d, String message) {
        return where.at(labels.firstRow()[d], message);
      }

      @Override
      public DescentException whole(String message) {
        return where.whole(message);
      }
    };
  }

  private static Encoded perRow(Distinct labels, Encoded ofValues) {
    int[] indices = new int[labels.ids().length];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = ofValues.indices()[labels.ids()[i]];
    }
    return new Encoded(indices, ofValues.names());
  }

  /** Numeric labels: whole numbers whose text ("3", not "3.0") is the class name. */
  static Encoded ofNumbers(double[] labels, List<String> classNames, Locator where) {
    return checked(numbersOf(labels, classNames, where), where);
  }

  /** Class indices before the check for 2 classes, which counts rows, not distinct values. */
  private static Encoded numbersOf(double[] labels, List<String> classNames, Locator where) {
    if (!classNames.isEmpty()) {
      String[] text = new String[labels.length];
      for (int i = 0; i < labels.length; i++) {
        text[i] = wholeNumberText(labels[i], i, where);
      }
      return ofNames(text, classNames, where);
    }
    // the classes are the distinct values, sorted; found without a string (or a box) per label,
    // since a mapped set may have millions
    for (int i = 0; i < labels.length; i++) {
      requireWhole(labels[i], i, where);
    }
    double[] distinct = distinctSorted(labels);
    boolean binary = distinct.length <= 2 && Arrays.stream(distinct).allMatch(v -> v == 0 || v == 1);
    if (binary) {
      distinct = new double[] {0, 1};
    }
    List<String> names = new ArrayList<>();
    for (double v : distinct) {
      names.add(wholeNumberText(v, -1, where));
    }
    int[] indices = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      indices[i] = Arrays.binarySearch(distinct, labels[i] + 0.0);
    }
    return new Encoded(indices, names);
  }

  private static double[] distinctSorted(double[] values) {
    double[] sorted = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      sorted[i] = values[i] + 0.0;   // −0 and 0 are one class
    }
    Arrays.sort(sorted);
    int kept = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (kept == 0 || sorted[i] != sorted[kept - 1]) {
        sorted[kept++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, kept);
  }

  /**
   * {@link #ofText(String[], List, Locator)} of distinct labels, in order of first appearance,
   * that stand for {@code examples} rows (a converter's): one index per distinct label.
   */
  static Encoded ofText(String[] distinct, long examples, List<String> classNames, Locator where) {
    double[] numbers = new double[distinct.length];
    for (int d = 0; d < numbers.length; d++) {
      if (!Numbers.isNumber(distinct[d])) {
        return checked(ofNames(distinct, classNames, where), examples, where);
      }
      numbers[d] = Numbers.parse(distinct[d]);
    }
    return checked(numbersOf(numbers, classNames, where), examples, where);
  }

  /** {@link #ofNumbers(double[], List, Locator)} of distinct labels standing for {@code examples} rows. */
  static Encoded ofNumbers(double[] distinct, long examples, List<String> classNames, Locator where) {
    return checked(numbersOf(distinct, classNames, where), examples, where);
  }

  /** {@link #ofIndices(double[], List, Locator)} of distinct labels standing for {@code examples} rows. */
  static Encoded ofIndices(double[] distinct, long examples, List<String> names, Locator where) {
    return checked(indicesOf(distinct, names, where), examples, where);
  }

  /** Labels that index {@code names} (an HDF5 file's list_classes). */
  static Encoded ofIndices(double[] labels, List<String> names, Locator where) {
    return checked(indicesOf(labels, names, where), where);
  }

  private static Encoded indicesOf(double[] labels, List<String> names, Locator where) {
    int[] indices = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double v = labels[i];
      if (!(v >= 0 && v < names.size() && v == Math.rint(v))) {
        throw where.at(i, "label " + Decimal.text(v) + " is not a class index 0.." + (names.size() - 1)
            + " of the classes " + names);
      }
      indices[i] = (int) v;
    }
    return new Encoded(indices, names);
  }

  private static Encoded ofNames(String[] labels, List<String> classNames, Locator where) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].isEmpty()) {
        throw where.at(i, "empty label");
      }
    }
    if (!classNames.isEmpty()) {
      return index(labels, classNames, where);
    }
    List<String> names = Arrays.stream(labels).distinct().toList();
    return index(labels, names, where);
  }

  private static Encoded index(String[] labels, List<String> names, Locator where) {
    Map<String, Integer> position = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      position.put(names.get(c), c);
    }
    int[] indices = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      Integer c = position.get(labels[i]);
      if (c == null) {
        throw where.at(i, "label '" + labels[i] + "' is not one of the classes " + names);
      }
      indices[i] = c;
    }
    return new Encoded(indices, names);
  }

  private static Encoded checked(Encoded encoded, Locator where) {
    return checked(encoded, encoded.indices().length, where);
  }

  /** Refuses a single class; {@code examples} is how many rows the labels stand for. */
  private static Encoded checked(Encoded encoded, long examples, Locator where) {
    if (encoded.names().size() < 2) {
      throw where.whole("all " + examples + " labels are in the one class "
          + encoded.names() + "; classification needs at least 2 classes (name them with --classes,"
          + " or use --regression)");
    }
    return encoded;
  }

  private static String wholeNumberText(double v, int row, Locator where) {
    requireWhole(v, row, where);
    return Long.toString((long) v);
  }

  private static void requireWhole(double v, int row, Locator where) {
    if (v != Math.rint(v) || Math.abs(v) > 1e15) {
      String message = "label " + Decimal.text(v) + " is not a whole number; class labels are whole"
          + " numbers or names (for numeric targets use --regression)";
      throw row < 0 ? where.whole(message) : where.at(row, message);
    }
  }
}
