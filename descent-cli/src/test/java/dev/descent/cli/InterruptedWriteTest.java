package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.model.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: SIGINT or SIGTERM while {@code train} saved a checkpoint every epoch left
 * {@code .checkpoint.descent*.tmp} files in 2 of 6 tries. A shutdown hook now removes the
 * temporary file of a write in progress; the checkpoint on disk stays a whole one.
 */
class InterruptedWriteTest {
  @TempDir
  Path dir;

  @Test
  void anInterruptedRunLeavesNoTemporaryFile() throws Exception {
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "dev.descent.cli.Main",
        "train", "--data", "moons", "--examples", "200", "--hidden", "1024,1024", "--epochs", "400", "--checkpoint-every", "1",
        "--out", out.toString()));
    for (int k = 0; k < 4; k++) {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log" + k + ".txt").toFile()).start();
      // signal it in the middle of a write: once a temporary file is there (a checkpoint of 1024×1024 weights takes a while)
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); temporaries(out).isEmpty() && System.nanoTime() < end; ) {
        assertTrue(p.isAlive(), "try " + k + ": the run ended early");
        Thread.sleep(2);
      }
      assertEquals(1, temporaries(out).size(), "try " + k + ": caught a checkpoint being written");
      if (k % 2 == 0) {
        p.destroy();   // SIGTERM
      } else {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the interrupted process ends");
      assertEquals(List.of(), temporaries(out), "try " + k);
      if (Files.exists(out.resolve("checkpoint.descent"))) {
        assertTrue(Checkpoint.read(out.resolve("checkpoint.descent")).epoch() >= 1);
      }
    }
  }

  private static List<Path> temporaries(Path out) throws java.io.IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
