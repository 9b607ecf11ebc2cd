package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of the foundation issue: one clear line, the right exit code, no stack trace. */
class BadInputTest {
  @TempDir
  Path dir;

  static void assertFails(int code, String message, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(code, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
    assertEquals(message, r.error());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void negativeLearningRate() {
    assertFails(2, "--lr -0.1: the learning rate must be positive, e.g. --lr 0.001",
        "train", "--lr", "-0.1", "--out", dir.toString());
  }

  @Test
  void batchSizeZero() {
    assertFails(2, "--batch-size 0: must be at least 1 (1 is stochastic gradient descent) or 'full'",
        "train", "--batch-size", "0", "--out", dir.toString());
  }

  @Test
  void layerSizeZero() {
    assertFails(2, "--hidden 20,0: layer 2 has size 0; every hidden layer needs at least 1 unit, e.g. --hidden 20,7",
        "train", "--hidden", "20,0", "--out", dir.toString());
  }

  @Test
  void unknownActivationListsTheValidOnes() {
    assertFails(2, "--activation swish: unknown activation 'swish'; expected one of linear, relu, leaky-relu, tanh, sigmoid",
        "train", "--activation", "swish", "--out", dir.toString());
  }

  @Test
  void missingDataFile() {
    assertFails(1, "nowhere.csv: no such file, and not a built-in data set (moons, circles, blobs, spiral, flower, football, course-circles, course-moons, course-football)",
        "train", "--data", "nowhere.csv", "--out", dir.toString());
  }

  @Test
  void unknownOption() {
    Cli.Result r = Cli.run("train", "--learning-rate=0.1");
    assertEquals(2, r.code());
    assertEquals("Unknown option: '--learning-rate=0.1'", r.error());
  }

  @Test
  void truncatedModelFile() throws IOException {
    Cli.run("train", "--data", "moons", "--hidden", "3", "--epochs", "2", "--out", dir.toString(), "--json");
    Path model = dir.resolve("model.descent");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertFails(1, model + ": truncated or corrupt: the header declares " + headerLength(bytes) + " bytes but the file has " + bytes.length / 2,
        "predict", "--model", model.toString(), "--data", "moons");
  }

  static int headerLength(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
  }

  @Test
  void modelFileOfAnotherVersion() throws IOException {
    Cli.run("train", "--data", "moons", "--hidden", "3", "--epochs", "2", "--out", dir.toString(), "--json");
    Path model = dir.resolve("model.descent");
    byte[] bytes = Files.readAllBytes(model);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
    Files.write(model, bytes);
    assertFails(1, model + ": format version 2; this Descent reads version 1 (written by a newer Descent: upgrade to load it)",
        "evaluate", "--model", model.toString(), "--data", "moons");
  }

  @Test
  void unwritableOutputDirectoryWritesNothing() throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    assertFails(1, "--out " + blocker.resolve("sub") + ": cannot create the output directory: not a directory",
        "train", "--epochs", "1", "--out", blocker.resolve("sub").toString());
  }
}
