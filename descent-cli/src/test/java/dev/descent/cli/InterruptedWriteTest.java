package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: SIGINT or SIGTERM while {@code train} saved a checkpoint every epoch left
 * {@code .checkpoint.descent*.tmp} files in 2 of 6 tries. Every write's temporary file is
 * registered with {@code Temporaries}, whose shutdown hook removes it. A child holds a registered
 * temporary file as a write in progress would and is signalled once it says it holds it, so the
 * test does not depend on catching a real write mid-way.
 */
class InterruptedWriteTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(120)   // a guard against a hang, not a measurement
  void aSignalledProcessLeavesNoTemporaryFile() throws Exception {
    for (int k = 0; k < 2; k++) {
      Path temporary = dir.resolve(".checkpoint.descent." + k + ".tmp");
      Process p = HoldInChild.start("temporary", temporary);
      try {
        assertTrue(Files.exists(temporary), "try " + k + ": the child holds its temporary file");
        if (k == 0) {
          p.destroy();   // SIGTERM
        } else {
          new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        }
        assertTrue(p.waitFor() != 0, "try " + k + ": the signal ended the process");
        assertFalse(Files.exists(temporary), "try " + k + ": the shutdown hook removed " + temporary);
      } finally {
        p.destroyForcibly();
      }
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "nothing is left behind");
    }
  }
}
