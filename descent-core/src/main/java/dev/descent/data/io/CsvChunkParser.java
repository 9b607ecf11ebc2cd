package dev.descent.data.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The second pass over one {@link CsvChunk}: its rows parsed straight from the bytes into their
 * place in the shared arrays (rows {@code firstRow}, … of the file), labels interned per chunk.
 * Stops at the chunk's first error, which is thrown.
 */
final class CsvChunkParser {
  private final InputFile file;
  private final CsvLayout layout;
  private final boolean regression;
  private final float[] features32;    // one of the two, by precision
  private final double[] features64;
  private final double[] targets;      // regression
  private final int[] labelIds;        // classification: ids of this chunk's interner
  final LabelInterner labels = new LabelInterner();

  CsvChunkParser(InputFile file, CsvLayout layout, boolean regression, float[] features32,
      double[] features64, double[] targets, int[] labelIds) {
    this.file = file;
    this.layout = layout;
    this.regression = regression;
    this.features32 = features32;
    this.features64 = features64;
    this.targets = targets;
    this.labelIds = labelIds;
  }

  /** Parses the chunk's rows; {@code skipFirstRow} when its first non-empty line is the header. */
  void parse(FileChannel channel, CsvChunk chunk, long firstLine, int firstRow, boolean skipFirstRow)
      throws IOException {
    LineReader reader = new LineReader(channel, chunk.start, chunk.end, CsvChunk.BLOCK);
    long line = firstLine - 1;
    int row = firstRow;
    boolean skip = skipFirstRow;
    while (reader.next()) {
      line++;
      if (reader.to() == reader.from()) {
        continue;   // an empty line, as FastCSV skips it
      }
      if (skip) {
        skip = false;
        continue;
      }
      parseRow(reader.bytes(), reader.from(), reader.to(), line, row++);
    }
  }

  private void parseRow(byte[] b, int from, int to, long line, int row) {
    int columns = layout.columns();
    int labelIndex = layout.labelIndex();
    int k = row * layout.features();
    int j = 0;
    for (int start = from, p = from; p <= to; p++) {
      if (p < to && b[p] != ',') {
        continue;
      }
      if (j == columns) {
        throw layout.ragged(file, line, fields(b, from, to));
      }
      int s = j == 0 && p - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB
          && b[start + 2] == (byte) 0xBF ? start + 3 : start;   // a byte-order mark
      int e = p;
      while (s < e && (b[s] & 0xff) <= ' ') {
        s++;
      }
      while (e > s && (b[e - 1] & 0xff) <= ' ') {
        e--;
      }
      if (j != labelIndex) {
        double v = number(b, s, e, line, j, "value", from, to);
        if (features32 != null) {
          features32[k++] = ParallelCsvParser.toFloat(v);
        } else {
          features64[k++] = v;
        }
      } else if (regression) {
        targets[row] = number(b, s, e, line, j, "target", from, to);
      } else {
        labelIds[row] = labels.intern(b, s, e, row, line);
      }
      j++;
      start = p + 1;
    }
    if (j != columns) {
      throw layout.ragged(file, line, j);
    }
  }

  /** The finite value of a cell; else the error, unless the row has the wrong number of columns. */
  private double number(byte[] b, int s, int e, long line, int j, String what, int from, int to) {
    if (Numbers.syntax(b, s, e) == Numbers.Syntax.DECIMAL) {
      double v = JavaDoubleParser.parseDouble(b, s, e - s);
      if (Double.isFinite(v)) {
        return v;
      }
    }
    // FastCSV's path checks the columns of a row before its cells: so does this one
    int found = fields(b, from, to);
    if (found != layout.columns()) {
      throw layout.ragged(file, line, found);
    }
    throw CsvLayout.badNumber(file, line, j + 1, what, new String(b, s, e - s, StandardCharsets.UTF_8));
  }

  private static int fields(byte[] b, int from, int to) {
    int n = 1;
    for (int p = from; p < to; p++) {
      if (b[p] == ',') {
        n++;
      }
    }
    return n;
  }
}
