package dev.descent.data.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The crafted files of test resources {@code crafted/} (written by its make_fixtures.py). */
final class Crafted {
  private Crafted() {}

  static Path file(String name) {
    try {
      return Path.of(Crafted.class.getResource("/crafted/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
