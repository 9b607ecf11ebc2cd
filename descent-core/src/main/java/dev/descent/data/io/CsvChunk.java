package dev.descent.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of whole lines of a CSV file, and what a first pass over it found: how many lines and
 * non-empty rows (so that the second pass knows each chunk's first line and row before it
 * starts), and whether it needs the full CSV reader (a quote, or a carriage return that does not
 * end a line) or is not UTF-8.
 */
final class CsvChunk {
  static final int BLOCK = 1 << 20;
  final long start;
  final long end;
  long lines;
  int rows;
  boolean needsCsvReader;
  boolean notUtf8;

  private CsvChunk(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** About {@code count} chunks, each ending just after a line end (or at the end of the file). */
  static List<CsvChunk> split(FileChannel channel, long size, int count) throws IOException {
    List<CsvChunk> chunks = new ArrayList<>();
    long start = 0;
    for (int c = 1; c <= count && start < size; c++) {
      long end = c == count ? size : lineEndAfter(channel, Math.max(start, size * c / count), size);
      if (end > start) {
        chunks.add(new CsvChunk(start, end));
        start = end;
      }
    }
    return chunks;
  }

  /** The offset just after the first {@code \n} at or after {@code from}, or the file's size. */
  private static long lineEndAfter(FileChannel channel, long from, long size) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(1 << 16);
    for (long position = from; position < size; ) {
      block.clear();
      int n = channel.read(block, position);
      if (n <= 0) {
        break;
      }
      for (int k = 0; k < n; k++) {
        if (block.get(k) == '\n') {
          return position + k + 1;
        }
      }
      position += n;
    }
    return size;
  }

  /** The first pass: counts lines and rows, and looks for what this parser does not handle. */
  void scan(FileChannel channel) throws IOException {
    LineReader reader = new LineReader(channel, start, end, BLOCK);
    while (reader.next()) {
      lines++;
      byte[] b = reader.bytes();
      int from = reader.from();
      int to = reader.to();
      if (to > from) {
        rows++;
      }
      boolean checked = false;   // the first non-ASCII byte has the rest of the line checked
      for (int k = from; k < to; k++) {
        byte c = b[k];
        if (c == '"' || c == '\r') {
          needsCsvReader = true;
        } else if (c < 0 && !checked) {
          checked = true;
          notUtf8 |= !Utf8.isValid(b, k, to);
        }
      }
    }
    if (end > start && lines > 0 && !endsWithLineEnd(channel)) {
      lines--;   // the last line has no line end, so it does not move the next chunk's line number
    }
  }

  private boolean endsWithLineEnd(FileChannel channel) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, end - 1);
    return last.get(0) == '\n';
  }
}
