package dev.descent.spark;

import java.io.Serializable;

/**
 * One example as an executor reads it, before the split: its index in the data's order (the
 * order a local run loads it in), its features, its label as text, and where it was read, for
 * messages ({@code big.csv line 14}, {@code part-00001….parquet row 3}, both counted from 1).
 */
record Example(long index, double[] features, String label, String file, long row, boolean csv) implements Serializable {

  String where() {
    return file + (csv ? " line " : " row ") + row;
  }
}
