package dev.descent.cli.dashboard;

import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link SeriesSummary} of each run's {@code history.jsonl}, read once and then only what was
 * appended since (a file that shrank, as a resume rewrites it, is read afresh). Bounded: at most
 * {@code budgetBytes} of summaries, the least recently used dropped first, so the server's memory
 * does not grow with the number or the length of the runs it has shown. Thread-safe.
 */
final class SeriesCache {
  /** The default bound: some 400 runs of a few layers each. */
  static final long BUDGET_BYTES = 64L << 20;

  private static final class Entry {
    SeriesSummary summary = new SeriesSummary();
    long offset;   // bytes of complete lines read
  }

  private final long budgetBytes;
  private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  SeriesCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The run's columns as JSON (see {@link SeriesSummary#appendJson}), brought up to date first. */
  String json(Path dir, int maxPoints) throws IOException {
    Entry e = entry(dir);
    synchronized (e) {
      update(dir.resolve(HistoryLog.JSONL), e);
      StringBuilder sb = new StringBuilder(4096);
      e.summary.appendJson(sb, maxPoints, e.offset);
      return sb.toString();
    }
  }

  /** Reads the run now, so that the page need not wait for it (the server warms its cache at start). */
  void warm(Path dir) throws IOException {
    Entry e = entry(dir);
    synchronized (e) {
      update(dir.resolve(HistoryLog.JSONL), e);
    }
  }

  synchronized boolean contains(Path dir) {
    return entries.containsKey(dir);
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized int size() {
    return entries.size();
  }

  private synchronized Entry entry(Path dir) {
    Entry e = entries.get(dir);
    if (e == null) {
      e = new Entry();
      entries.put(dir, e);
    }
    return e;
  }

  /** Recounts the bytes held and drops the least recently used summaries beyond the budget (never the newest). */
  private synchronized void account() {
    long total = 0;
    for (Entry e : entries.values()) {
      total += e.summary.bytes();
    }
    Iterator<Map.Entry<Path, Entry>> it = entries.entrySet().iterator();
    while (total > budgetBytes && entries.size() > 1 && it.hasNext()) {
      total -= it.next().getValue().summary.bytes();
      it.remove();
    }
    bytes = total;
  }

  private void update(Path file, Entry e) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : 0;
    if (size < e.offset) {
      e.summary = new SeriesSummary();
      e.offset = 0;
    }
    if (size == e.offset) {
      return;
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(e.offset);
      byte[] bytes = new byte[(int) Math.min(size - e.offset, Integer.MAX_VALUE - 8)];
      f.readFully(bytes);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          if (!line.isBlank()) {
            try {
              e.summary.add(HistoryFile.parse(line));
            } catch (IOException | IllegalArgumentException corrupt) {
              // not a row: skipped, as every reader skips it
            }
          }
        }
      }
      e.offset += start;   // a torn last line is read again once whole
    }
    account();
  }
}
