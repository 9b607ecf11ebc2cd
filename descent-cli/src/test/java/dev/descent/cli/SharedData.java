package dev.descent.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files under {@code ../shared/} (datasets, golden fixtures) when present. */
public final class SharedData {
  private SharedData() {}

  /** The file, or null when ../shared is not beside the repository. */
  public static Path file(String... parts) {
    String root = System.getProperty("descent.shared");
    Path base = root != null ? Path.of(root) : Path.of("..", "..", "shared");
    Path f = base.resolve(Path.of("", parts));
    return Files.exists(f) ? f : null;
  }
}
