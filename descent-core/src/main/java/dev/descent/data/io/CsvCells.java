package dev.descent.data.io;

import dev.descent.DescentException;
import java.util.List;

/**
 * The CSV rules of {@link CsvLoader} for readers that see a file a line at a time elsewhere (a
 * Spark executor): what counts as a number (and its value, equal to {@code
 * Double.parseDouble}'s), and which classes a set of labels gives, so that a file read on a
 * cluster gets the header, values and classes a local run gets.
 *
 * <pre>{@code
 * CsvCells.isNumber("1e-3");                       // true
 * CsvCells.classNames(List.of("b", "a"));          // [b, a]  (order of first appearance)
 * CsvCells.classNames(List.of("10", "2"));         // [2, 10] (whole numbers sorted)
 * }</pre>
 */
public final class CsvCells {
  private CsvCells() {}

  public static boolean isNumber(String text) {
    return Numbers.isNumber(text);
  }

  /** The value of a cell {@link #isNumber} accepts. */
  public static double parse(String text) {
    return Numbers.parse(text);
  }

  /**
   * The classes of {@code distinct} labels given in order of first appearance: names in that
   * order, whole numbers sorted numerically, 0/1 always "0" and "1". {@code source} names the
   * data in a message about the labels.
   */
  public static List<String> classNames(List<String> distinct, String source) {
    ClassLabels.Locator where = new ClassLabels.Locator() {
      @Override
      public DescentException at(int row, String message) {
        return new DescentException(source + ": label '" + distinct.get(row) + "': " + message);
      }

      @Override
      public DescentException whole(String message) {
        return new DescentException(source + ": " + message);
      }
    };
    return ClassLabels.ofText(distinct.toArray(String[]::new), List.of(), where).names();
  }
}
