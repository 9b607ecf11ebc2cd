package dev.descent.data.io;

import dev.descent.DescentException;
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

  /** Labels given as text (CSV): numeric when every one is a whole number, else names. */
  static Encoded ofText(String[] labels, List<String> classNames, Locator where) {
    double[] numbers = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (!Numbers.isNumber(labels[i])) {
        return ofNames(labels, classNames, where);
      }
      numbers[i] = Numbers.parse(labels[i]);
    }
    return ofNumbers(numbers, classNames, where);
  }

  /** Numeric labels: whole numbers whose text ("3", not "3.0") is the class name. */
  static Encoded ofNumbers(double[] labels, List<String> classNames, Locator where) {
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
    return checked(new Encoded(indices, names), where);
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

  /** Labels that index {@code names} (an HDF5 file's list_classes). */
  static Encoded ofIndices(double[] labels, List<String> names, Locator where) {
    int[] indices = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double v = labels[i];
      if (!(v >= 0 && v < names.size() && v == Math.rint(v))) {
        throw where.at(i, "label " + Numbers.text(v) + " is not a class index 0.." + (names.size() - 1)
            + " of the classes " + names);
      }
      indices[i] = (int) v;
    }
    return checked(new Encoded(indices, names), where);
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
    return checked(new Encoded(indices, names), where);
  }

  private static Encoded checked(Encoded encoded, Locator where) {
    if (encoded.names().size() < 2) {
      throw where.whole("all " + encoded.indices().length + " labels are in the one class "
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
      String message = "label " + Numbers.text(v) + " is not a whole number; class labels are whole"
          + " numbers or names (for numeric targets use --regression)";
      throw row < 0 ? where.whole(message) : where.at(row, message);
    }
  }
}
