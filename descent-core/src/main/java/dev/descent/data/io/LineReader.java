package dev.descent.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The lines of bytes {@code [start, end)} of a file, read in blocks through a positional {@link
 * FileChannel} read: no {@code String}s, and no memory map whose pages would count as resident.
 * After {@link #next}, the line is {@code bytes()[from(), to())}, without its {@code \n} and the
 * {@code \r} before it.
 */
final class LineReader {
  private final FileChannel channel;
  private final long end;
  private long position;
  private byte[] buffer;
  private int limit;
  private int cursor;
  private int from;
  private int to;

  LineReader(FileChannel channel, long start, long end, int blockSize) {
    this.channel = channel;
    this.position = start;
    this.end = end;
    this.buffer = new byte[(int) Math.max(1, Math.min(blockSize, end - start))];
  }

  /** Moves to the next line; false at the end of the range. */
  boolean next() throws IOException {
    int scanned = cursor;
    while (true) {
      for (int k = scanned; k < limit; k++) {
        if (buffer[k] == '\n') {
          from = cursor;
          to = k > cursor && buffer[k - 1] == '\r' ? k - 1 : k;
          cursor = k + 1;
          return true;
        }
      }
      if (position >= end) {
        if (cursor == limit) {
          return false;
        }
        from = cursor;   // the last line, without a line end
        to = limit;
        cursor = limit;
        return true;
      }
      scanned = fill();
    }
  }

  byte[] bytes() {
    return buffer;
  }

  int from() {
    return from;
  }

  int to() {
    return to;
  }

  /** Keeps the unfinished line, reads the next block after it; returns where to scan on. */
  private int fill() throws IOException {
    int kept = limit - cursor;
    if (kept == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);   // a line longer than a block
    } else {
      System.arraycopy(buffer, cursor, buffer, 0, kept);
    }
    cursor = 0;
    limit = kept;
    ByteBuffer target = ByteBuffer.wrap(buffer, limit, (int) Math.min(buffer.length - limit, end - position));
    while (target.hasRemaining()) {
      int n = channel.read(target, position);
      if (n < 0) {
        throw new IOException("the file ended at byte " + position + " while being read; was it truncated?");
      }
      position += n;
    }
    limit = target.position();
    return kept;
  }
}
