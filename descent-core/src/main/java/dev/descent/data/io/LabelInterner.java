package dev.descent.data.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct labels of one chunk of a CSV as ids 0, 1, … in order of first appearance, keyed by
 * their bytes: a file of a million rows and two classes makes two {@code String}s, not a million.
 * Open addressing over a power-of-two table; the bytes live in one growing array.
 */
final class LabelInterner {
  private byte[] bytes = new byte[256];
  private int used;
  private int[] offsets = new int[16];
  private int[] firstRows = new int[16];
  private long[] firstLines = new long[16];
  private int size;
  private int[] table = filled(64);

  /** The id of {@code source[from, to)}; a new label records {@code row} and {@code line}. */
  int intern(byte[] source, int from, int to, int row, long line) {
    int hash = hash(source, from, to);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int id = table[slot];
      if (id < 0) {
        table[slot] = size;
        add(source, from, to, row, line);
        if (2 * size > table.length) {
          rehash();
        }
        return size - 1;
      }
      if (Arrays.equals(bytes, offsets[id], offsets[id + 1], source, from, to)) {
        return id;
      }
    }
  }

  int size() {
    return size;
  }

  String value(int id) {
    return new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
  }

  int firstRow(int id) {
    return firstRows[id];
  }

  long firstLine(int id) {
    return firstLines[id];
  }

  private void add(byte[] source, int from, int to, int row, long line) {
    int length = to - from;
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + length));
    }
    System.arraycopy(source, from, bytes, used, length);
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, 2 * offsets.length);
      firstRows = Arrays.copyOf(firstRows, offsets.length);
      firstLines = Arrays.copyOf(firstLines, offsets.length);
    }
    offsets[size] = used;
    firstRows[size] = row;
    firstLines[size] = line;
    used += length;
    offsets[++size] = used;
  }

  private void rehash() {
    table = filled(table.length * 2);
    int mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hash(bytes, offsets[id], offsets[id + 1]) & mask;
      while (table[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id;
    }
  }

  private static int hash(byte[] source, int from, int to) {
    int h = 1;
    for (int k = from; k < to; k++) {
      h = 31 * h + source[k];
    }
    return h ^ (h >>> 16);
  }

  private static int[] filled(int length) {
    int[] t = new int[length];
    Arrays.fill(t, -1);
    return t;
  }
}
