package dev.descent.data.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class labels numbered in order of first appearance while a file streams past: the codes are
 * written at once, and remapped at the end when the classes are known (whole numbers are
 * sorted, given class names fix the order). Memory grows with the distinct labels, not the rows.
 *
 * @param <K> the label as read: text (CSV) or a number (binary formats)
 */
final class LabelCodes<K> {
  private final Map<K, Integer> codes = new HashMap<>();
  private final List<K> labels = new ArrayList<>();
  private final List<Long> firstSeen = new ArrayList<>();

  /** The code of {@code label}; {@code where} (a line or a row) is kept for its first appearance. */
  int code(K label, long where) {
    Integer code = codes.get(label);
    if (code == null) {
      code = labels.size();
      codes.put(label, code);
      labels.add(label);
      firstSeen.add(where);
    }
    return code;
  }

  /** The distinct labels, code 0 first. */
  List<K> labels() {
    return labels;
  }

  /** The line or row where the label of code {@code code} first appeared. */
  long firstSeen(int code) {
    return firstSeen.get(code);
  }
}
