package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent} with no arguments, the README's first command: trains the default model. */
class QuickstartTest {
  @TempDir
  Path dir;

  /** In a process of its own, in an empty directory, as a new user runs it (it writes descent-out/ there). */
  @Test
  void noArgumentsTrainsTheDefaultModel() throws Exception {
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.descent.cli.Main")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "quickstart ends");
    String text = Files.readString(out);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("Try next:"), text);
    assertTrue(Files.isRegularFile(dir.resolve("descent-out/quickstart/model.descent")), text);
  }
}
