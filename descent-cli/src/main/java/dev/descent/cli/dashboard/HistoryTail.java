package dev.descent.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.train.HistoryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

  private static boolean isRow(String text) {
    try {
      HistoryFile.parse(text);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
