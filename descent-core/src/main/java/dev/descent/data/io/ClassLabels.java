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
 *
 * <p>A streaming reader passes only the distinct labels, in order of first appearance, with the
 * number of examples they label: every rule above depends on the set of labels and on which
 * comes first, never on how often each occurs, so the classes and errors are the same.
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
    return ofText(labels, labels.length, classNames, where);
  }

  /** {@link #ofText} of distinct labels that label {@code examples} rows. */
  static Encoded ofText(String[] labels, long examples, List<String> classNames, Locator where) {
    double[] numbers = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (!Numbers.isNumber(labels[i])) {
        return ofNames(labels, examples, classNames, where);
      }
      numbers[i] = Numbers.parse(labels[i]);
    }
    return ofNumbers(numbers, examples, classNames, where);
  }

  /** Numeric labels: whole numbers whose text ("3", not "3.0") is the class name. */
  static Encoded ofNumbers(double[] labels, List<String> classNames, Locator where) {
    return ofNumbers(labels, labels.length, classNames, where);
  }

  /** {@link #ofNumbers} of distinct labels that label {@code examples} rows. */
  static Encoded ofNumbers(double[] labels, long examples, List<String> classNames, Locator where) {
    String[] text = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      text[i] = wholeNumberText(labels[i], i, where);
    }
    if (!classNames.isEmpty()) {
      return ofNames(text, examples, classNames, where);
    }
    double[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
    boolean binary = Arrays.stream(distinct).allMatch(v -> v == 0 || v == 1);
    if (binary) {
      distinct = new double[] {0, 1};
    }
    List<String> names = new ArrayList<>();
    for (double v : distinct) {
      names.add(wholeNumberText(v, -1, where));
    }
    return index(text, examples, names, where);
  }

  /** Labels that index {@code names} (an HDF5 file's list_classes). */
  static Encoded ofIndices(double[] labels, List<String> names, Locator where) {
    return ofIndices(labels, labels.length, names, where);
  }

  /** {@link #ofIndices} of distinct labels that label {@code examples} rows. */
  static Encoded ofIndices(double[] labels, long examples, List<String> names, Locator where) {
    int[] indices = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double v = labels[i];
      if (!(v >= 0 && v < names.size() && v == Math.rint(v))) {
        throw where.at(i, "label " + Numbers.text(v) + " is not a class index 0.." + (names.size() - 1)
            + " of the classes " + names);
      }
      indices[i] = (int) v;
    }
    return checked(new Encoded(indices, names), examples, where);
  }

  private static Encoded ofNames(String[] labels, long examples, List<String> classNames, Locator where) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].isEmpty()) {
        throw where.at(i, "empty label");
      }
    }
    if (!classNames.isEmpty()) {
      return index(labels, examples, classNames, where);
    }
    List<String> names = Arrays.stream(labels).distinct().toList();
    return index(labels, examples, names, where);
  }

  private static Encoded index(String[] labels, long examples, List<String> names, Locator where) {
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
    return checked(new Encoded(indices, names), examples, where);
  }

  private static Encoded checked(Encoded encoded, long examples, Locator where) {
    if (encoded.names().size() < 2) {
      throw where.whole("all " + examples + " labels are in the one class "
          + encoded.names() + "; classification needs at least 2 classes (name them with --classes,"
          + " or use --regression)");
    }
    return encoded;
  }

  private static String wholeNumberText(double v, int row, Locator where) {
    if (v != Math.rint(v) || Math.abs(v) > 1e15) {
      String message = "label " + Numbers.text(v) + " is not a whole number; class labels are whole"
          + " numbers or names (for numeric targets use --regression)";
      throw row < 0 ? where.whole(message) : where.at(row, message);
    }
    return Long.toString((long) v);
  }
}
