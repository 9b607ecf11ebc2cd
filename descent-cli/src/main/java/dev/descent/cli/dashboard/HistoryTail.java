package dev.descent.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.train.HistoryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One run's {@code history.jsonl} followed by an event stream: the rows written after a byte
 * offset, as server-sent events {@code data: {"run":ID,"offset":B,"row":{…}}} (B: the byte after the row, where a
 * new stream would take over). A torn last line waits until
 * it is whole; a line that is not a row is skipped, as every reader skips it; a file that shrank
 * (a resume starts it afresh) is read from the start after an {@code event: reset}.
 */
final class HistoryTail {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String id;
  private final String quotedId;
  private final Path file;
  private long offset;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  HistoryTail(String id, Path file, long offset) {
    this.id = id;
    this.file = file;
    this.offset = offset;
    this.quotedId = quote(id);
  }

  /** {@code text} as a JSON string. */
  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a string did not serialise", e);
    }
  }

  String id() {
    return id;
  }

  /** Appends the events of what was written since the last call. */
  void readInto(StringBuilder batch) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : 0;
    if (size < offset) {
      offset = 0;
      partial.reset();
      batch.append("event: reset\ndata: ").append(quotedId).append("\n\n");
    }
    if (size == offset) {
      return;
    }
    byte[] bytes;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(offset);
      bytes = new byte[(int) Math.min(size - offset, 1 << 22)];
      f.readFully(bytes);
    }
    long base = offset;
    offset += bytes.length;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        partial.write(bytes, start, i - start);
        String text = partial.toString(StandardCharsets.UTF_8).strip();
        partial.reset();
        start = i + 1;
        if (isRow(text)) {
          batch.append("data: {\"run\":").append(quotedId).append(",\"offset\":").append(base + i + 1).append(",\"row\":").append(text)
              .append("}\n\n");
        }
      }
    }
    partial.write(bytes, start, bytes.length - start);
  }

  /**
   * Writes the tails' new rows to {@code out} every {@code pollMillis} until {@code closed} says so,
   * or the browser goes away (an IOException, found by a comment line every 3 s at the latest).
   */
  static void stream(OutputStream out, List<HistoryTail> tails, BooleanSupplier closed, long pollMillis) throws IOException {
    long lastBeat = System.nanoTime();
    while (!closed.getAsBoolean()) {
      StringBuilder batch = new StringBuilder();
      for (HistoryTail t : tails) {
        t.readInto(batch);
      }
      if (batch.length() > 0) {
        out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (System.nanoTime() - lastBeat > 3_000_000_000L) {
        out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));   // finds a closed tab
        out.flush();
        lastBeat = System.nanoTime();
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean isRow(String text) {
    try {
      HistoryFile.parse(text);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
