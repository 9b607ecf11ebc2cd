package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that used to crash or mislead (issue 21): they now give results or one right message. */
class OddOptionsTest {
  @TempDir
  Path dir;

  /** A space file saved with a byte-order mark (Windows editors) reads like one without. */
  @Test
  void aSpaceFileWithAByteOrderMarkIsRead() throws Exception {
    Path space = Files.writeString(dir.resolve("space.txt"), "\uFEFFlr=log:1e-3:1e-1\n");
    JsonNode json = Cli.run("search", "--space", space.toString(), "--trials", "2", "--epochs", "2",
        "--out", dir.resolve("s").toString(), "--json").ok().json();
    assertEquals(2, json.get("trials").size());
  }

  /** Weights of 1e300 overflow at once: the run stops as diverged and still reports, exit 0 (was exit 2 on NaN probabilities). */
  @Test
  void aRunThatDivergesFromItsFirstStepStillReports() {
    JsonNode json = Cli.run("train", "--init", "random:1e300", "--epochs", "2", "--out", dir.toString(), "--json").ok().json();
    assertTrue(json.get("stopped").asText().startsWith("cost became NaN at epoch 1"), json.get("stopped").asText());
    assertEquals(json.get("dev").get("accuracy").asDouble(), accuracy(json.get("dev")), 1e-12);
  }

  /** The confusion matrix agrees with the accuracy even when every output is NaN. */
  private static double accuracy(JsonNode set) {
    long correct = 0;
    long total = 0;
    JsonNode c = set.get("confusion");
    for (int t = 0; t < c.size(); t++) {
      for (int p = 0; p < c.size(); p++) {
        total += c.get(t).get(p).asLong();
        correct += t == p ? c.get(t).get(p).asLong() : 0;
      }
    }
    return (double) correct / total;
  }
}
