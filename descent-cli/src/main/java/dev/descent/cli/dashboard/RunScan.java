package dev.descent.cli.dashboard;

import dev.descent.train.HistoryLog;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs under the watched directories: every folder with a {@code history.jsonl} (a train or
 * resumed run, a search's trial) and every folder with a {@code search.jsonl} (a search). A run's
 * id is its root's index and its path below the root, {@code 0/trials/3}; links are not followed.
 */
final class RunScan {
  /** How deep below a root runs are looked for ({@code experiment all} nests two levels). */
  static final int DEPTH = 6;

  record Run(String id, Path directory, String kind) {}

  private RunScan() {}

  static List<Run> scan(List<Path> roots) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      Path root = roots.get(i);
      if (!Files.isDirectory(root)) {
        continue;   // deleted while the dashboard runs: no runs there, nothing to fail
      }
      try (Stream<Path> files = Files.walk(root, DEPTH, new FileVisitOption[0])) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          if (name.equals(HistoryLog.JSONL) || name.equals("search.jsonl")) {
            Path dir = f.getParent();
            String rel = root.relativize(dir).toString().replace('\\', '/');
            String id = rel.isEmpty() ? Integer.toString(i) : i + "/" + rel;
            runs.add(new Run(id, dir, name.equals("search.jsonl") ? "search" : rel.matches("(.*/)?trials/\\d+") ? "trial" : "run"));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // a folder removed during the walk: the next scan sees the rest
      }
    }
    runs.sort(java.util.Comparator.comparing(Run::id));
    return runs;
  }
}
