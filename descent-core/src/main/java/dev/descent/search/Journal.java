package dev.descent.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.io.FileLocks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The append-only JSON-lines file of finished trials, one {@link TrialRecord} a line, written as
 * each trial finishes. Each line goes out in one write and is forced to disk, so a killed process
 * leaves at most one partial last line. {@link #resume} reads an existing journal back, skips
 * corrupt lines with a warning naming the line, and the search then runs only the trials it does
 * not hold: a killed and restarted search loses and repeats no finished trial. One writer: the
 * file is locked while open.
 *
 * <pre>{@code
 * try (Journal journal = Journal.resume(Path.of("search.jsonl"), warning -> log.warn(warning))) {
 *   journal.records().size();   // trials already done
 * }
 * }</pre>
 */
public final class Journal implements AutoCloseable {
  private static final String RECIPE = "recipe";
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<Integer, TrialRecord> records;
  private final Map<Integer, Long> lines;
  private long lineCount;
  private JsonNode recipe;

  private Journal(Path file, FileChannel channel, FileLock lock, Map<Integer, TrialRecord> records, Map<Integer, Long> lines, long lineCount) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.records = records;
    this.lines = lines;
    this.lineCount = lineCount;
  }

  /** A journal kept in memory only, for searches that need no resume (tests, quick runs). */
  public static Journal inMemory() {
    return new Journal(null, null, null, new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
  }

  /**
   * A new journal; the file must not exist or be empty, so that no earlier search is mixed in.
   * The lock is taken first, so a search still writing the file is named as such.
   */
  public static Journal create(Path file) {
    Journal journal = resume(file, warning -> {});
    if (!journal.isEmpty()) {
      journal.close();
      throw new DescentException("journal already holds trials of a search; resume it, or choose a new file", file.toString(), -1, -1, null);
    }
    return journal;
  }

  /**
   * Opens {@code file} for appending (creating it if needed) and reads the trials it holds.
   * Corrupt lines (a partial last line from a killed run, a line that is not a trial record)
   * are skipped, each with one warning to {@code warnings} naming its line; their trials run
   * again. A trial found twice keeps its first line, also with a warning.
   */
  public static Journal resume(Path file, Consumer<String> warnings) {
    FileChannel channel = null;
    try {
      // NOTE: read through this channel only. A POSIX lock belongs to the process and file, and
      // closing any other handle on the file (Files.readAllBytes) silently drops it.
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lockOf(channel, file);
      byte[] bytes = readAll(channel, file);
      channel.position(bytes.length);
      Map<Integer, TrialRecord> records = new LinkedHashMap<>();
      Map<Integer, Long> lines = new LinkedHashMap<>();
      JsonNode[] recipe = {null};
      long count = read(file, new String(bytes, StandardCharsets.UTF_8), records, lines, recipe, warnings);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        // end the cut-short line, so the next record starts on a line of its own
        channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        channel.force(false);
      }
      Journal journal = new Journal(file, channel, lock, records, lines, count);
      journal.recipe = recipe[0];
      return journal;
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new DescentException("cannot open the journal: " + DescentException.reason(e), file.toString(), -1, -1, e);
    } catch (RuntimeException e) {
      closeQuietly(channel, e);
      throw e;
    }
  }

  private static FileLock lockOf(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      OptionalLong holder = FileLocks.holder(file);
      throw new DescentException("journal is open in another search" + (holder.isPresent() ? " (process " + holder.getAsLong() + ")" : "")
          + "; one search writes a journal at a time: wait for it to end, or give this one another --journal or --out",
          file.toString(), -1, -1, null);
    }
    return lock;
  }

  private static byte[] readAll(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new DescentException("journal is " + size + " bytes; a journal of finished trials stays far below 2 GB: is this the right file?",
          file.toString(), -1, -1, null);
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) size);
    while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
      // read until full: a file read may return fewer bytes than asked
    }
    return bytes.array();
  }

  private static long read(Path file, String text, Map<Integer, TrialRecord> records, Map<Integer, Long> lines, JsonNode[] recipe,
      Consumer<String> warnings) {
    String[] parts = text.split("\n", -1);
    // the text after the last newline is empty, or a line cut short by a kill
    for (int i = 0; i < parts.length; i++) {
      String line = parts[i];
      long number = i + 1;
      boolean last = i == parts.length - 1;
      if (line.isBlank()) {
        continue;
      }
      TrialRecord record;
      try {
        JsonNode node = TrialJson.MAPPER.readTree(line);
        if (i == 0 && node.has(RECIPE)) {
          recipe[0] = node.get(RECIPE);
          continue;
        }
        record = TrialRecord.fromJson(node);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String why = last ? "cut short with no newline, as a killed run leaves it" : firstLine(e.getMessage());
        warnings.accept(file + " line " + number + ": skipped a corrupt line (" + why + "); its trial runs again: " + abbreviate(line));
        continue;
      }
      Long first = lines.get(record.id());
      if (first != null) {
        warnings.accept(file + " line " + number + ": trial " + record.id() + " appears again (first on line " + first + "); kept the first");
        continue;
      }
      records.put(record.id(), record);
      lines.put(record.id(), number);
    }
    return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
  }

  /** Appends one record as one line: a single write, then forced to disk. */
  public synchronized void append(TrialRecord record) {
    if (records.containsKey(record.id())) {
      throw new IllegalStateException("trial " + record.id() + " is already in the journal (line " + lines.get(record.id()) + "); a trial runs once");
    }
    if (channel != null) {
      ByteBuffer line = ByteBuffer.wrap((record.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        while (line.hasRemaining()) {
          channel.write(line);
        }
        channel.force(false);
      } catch (IOException e) {
        throw new DescentException("cannot append trial " + record.id() + ": " + e.getMessage(), file.toString(), lineCount + 1, -1, e);
      }
    }
    lineCount++;
    records.put(record.id(), record);
    lines.put(record.id(), lineCount);
  }

  /** True when the journal holds no trial line (nor a corrupt one): at most its recipe. */
  public synchronized boolean isEmpty() {
    return lineCount == (recipe == null ? 0 : 1);
  }

  /**
   * The recipe of the search that wrote the journal (its first line, {@code {"recipe": …}}), or
   * null for a journal without one (written before recipes were recorded, or not yet given one).
   */
  public synchronized JsonNode recipe() {
    return recipe;
  }

  /**
   * Records the search's recipe (its base settings and data, as plain JSON) as the journal's first
   * line, so that a resumed search can check that it continues the same search.
   */
  public synchronized void writeRecipe(JsonNode value) {
    if (lineCount != 0) {
      throw new IllegalStateException("the recipe is the journal's first line; this journal has " + lineCount + " already");
    }
    ObjectNode line = TrialJson.MAPPER.createObjectNode();
    line.set(RECIPE, value);
    write(line.toString(), 1);
    lineCount = 1;
    recipe = value;
  }

  private void write(String line, long number) {
    if (channel == null) {
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new DescentException("cannot append line " + number + ": " + e.getMessage(), file.toString(), number, -1, e);
    }
  }

  /** The trials in the journal, in the order of their lines. */
  public synchronized List<TrialRecord> records() {
    return Collections.unmodifiableList(new ArrayList<>(records.values()));
  }

  /** The record of trial {@code id}, or null when the journal does not hold it. */
  public synchronized TrialRecord record(int id) {
    return records.get(id);
  }

  /** The 1-based line of trial {@code id}'s record, or −1. */
  public synchronized long lineOf(int id) {
    return lines.getOrDefault(id, -1L);
  }

  /** The file, or null for an in-memory journal. */
  public Path file() {
    return file;
  }

  /** "search.jsonl", or "(in memory)", for messages. */
  public String name() {
    return file == null ? "(in memory journal)" : file.toString();
  }

  @Override
  public synchronized void close() {
    if (channel == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new DescentException("cannot close the journal: " + e.getMessage(), file.toString(), -1, -1, e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not a trial record";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "…";
  }

  private static void closeQuietly(FileChannel channel, Exception cause) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
