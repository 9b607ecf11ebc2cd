package dev.descent.cli.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Api#search} answers, kept while the search's journal and summary are unchanged (same
 * size and time of modification), so that a page polling every few seconds does not refit the
 * importance forest each time. At most {@value #SEARCHES} searches, the least recently used
 * dropped first. Thread-safe.
 */
final class SearchCache {
  static final int SEARCHES = 16;

  private record Entry(String stamp, String json) {}

  private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
      return size() > SEARCHES;
    }
  };

  String json(Path dir) throws IOException {
    String stamp = stamp(dir.resolve("search.jsonl")) + "|" + stamp(dir.resolve("search-summary.json"));
    synchronized (this) {
      Entry e = entries.get(dir);
      if (e != null && e.stamp().equals(stamp)) {
        return e.json();
      }
    }
    String json = Api.search(dir);
    synchronized (this) {
      entries.put(dir, new Entry(stamp, json));
    }
    return json;
  }

  private static String stamp(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis() : "none";
  }
}
