package dev.descent.cli.dashboard;

import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryLog;
import java.io.ByteArrayOutputStream;
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

  /** No history row is this long; a longer line is not a history (a binary file named history.jsonl). */
  static final int MAX_LINE = 1 << 20;

  private static void add(SeriesSummary summary, String line) {
    if (line.isBlank()) {
      return;
    }
    try {
      summary.add(HistoryFile.parse(line));
    } catch (IOException | IllegalArgumentException corrupt) {
      // not a row: skipped, as every reader skips it
    }
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
      // in chunks: a run of millions of epochs is read with a bounded buffer, never whole
      byte[] chunk = new byte[1 << 20];
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      boolean overlong = false;
      long at = e.offset;
      f.seek(at);
      while (at < size) {
        int n = f.read(chunk, 0, (int) Math.min(chunk.length, size - at));
        if (n < 0) {
          break;   // truncated while read: the next call starts over
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            line.write(chunk, start, i - start);
            if (!overlong) {
              add(e.summary, line.toString(StandardCharsets.UTF_8));
            }
            overlong = false;
            line.reset();
            start = i + 1;
            e.offset = at + i + 1;   // a torn last line is read again once whole
          }
        }
        line.write(chunk, start, n - start);
        at += n;
        if (line.size() > MAX_LINE) {
          overlong = true;   // not a row: skipped to its end, as a corrupt line is, without holding it
          line.reset();
        }
      }
    }
    account();
  }
}
