package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.model.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a checkpoint kept its data path relative to where training ran, and {@code resume}
 * trained on whatever file it then found. The path is now absolute, and a file whose size or
 * contents changed is refused.
 */
class ResumeDataTest {
  @TempDir
  Path dir;

  @Test
  void theDataPathIsAbsoluteAndChangedDataIsRefused() throws IOException {
    StringBuilder text = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      text.append(i % 7).append(',').append(i % 3).append(',').append(i % 2).append('\n');
    }
    Path csv = Files.writeString(dir.resolve("d.csv"), text);
    Path relative = Path.of("").toAbsolutePath().relativize(csv);
    Cli.run("train", "--data", relative.toString(), "--hidden", "3", "--epochs", "2", "--checkpoint-every", "1",
        "--out", dir.resolve("out").toString()).ok();
    Path checkpoint = dir.resolve("out/checkpoint.descent");
    assertEquals(csv.toString(), Checkpoint.read(checkpoint).run().at("/data/data/source").asText());
    assertEquals(csv.toString(), Checkpoint.read(checkpoint).run().at("/files/0/path").asText());

    Files.writeString(csv, text.toString().replace("6,0,0", "6,1,0"));
    Cli.Result changed = Cli.run("resume", checkpoint.toString(), "--epochs", "3", "--out", dir.resolve("again").toString());
    assertEquals(1, changed.code(), changed.err());
    assertEquals(checkpoint + ": the run's data " + csv + " has changed since the run began (same size, other contents (SHA-256));"
        + " restore the file, or start a new run on the new data", changed.error());
    Files.writeString(csv, text + "1,1,1\n");
    assertEquals(checkpoint + ": the run's data " + csv + " has changed since the run began (size " + text.length() + " → "
        + (text.length() + 6) + " bytes); restore the file, or start a new run on the new data",
        Cli.run("resume", checkpoint.toString(), "--epochs", "3", "--out", dir.resolve("again").toString()).error());

    Files.writeString(csv, text);
    Cli.run("resume", checkpoint.toString(), "--epochs", "3", "--out", dir.resolve("again").toString()).ok();
  }
}
