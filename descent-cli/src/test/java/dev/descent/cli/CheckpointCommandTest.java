package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.model.TensorFile;
import dev.descent.tensor.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Panda" mode: train --checkpoint-every, then descent resume, ends with the very parameters of an unbroken run. */
class CheckpointCommandTest {
  @TempDir
  Path dir;

  static String[] train(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--hidden", "5,2", "--optimizer", "adam", "--lr", "0.01", "--batch-size", "64",
        "--seed", "7", "--out", out.toString(), "--json"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  static void assertSameTensors(Path expected, Path actual) {
    Map<String, Matrix> a = TensorFile.read(expected).tensors();
    Map<String, Matrix> b = TensorFile.read(actual).tensors();
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).toArray(), b.get(name).toArray(), 0.0, name);
    }
  }

  @Test
  void twentyEpochsStraightEqualTenThenAResumeToTwentyBitForBit() {
    Cli.Result straight = Cli.run(train(dir.resolve("straight"), "--epochs", "20"));
    assertEquals(0, straight.code(), straight.err());
    Cli.Result first = Cli.run(train(dir.resolve("first"), "--epochs", "10", "--checkpoint-every", "5"));
    assertEquals(0, first.code(), first.err());
    Path checkpoint = dir.resolve("first/checkpoint.descent");
    assertTrue(Files.exists(checkpoint));
    Cli.Result resumed = Cli.run("resume", checkpoint.toString(), "--epochs", "20", "--out", dir.resolve("resumed").toString(), "--json");
    assertEquals(0, resumed.code(), resumed.err());
    JsonNode json = resumed.json();
    assertEquals(10, json.get("from_epoch").asInt());
    assertEquals(20, json.get("epochs").asInt());
    assertSameTensors(dir.resolve("straight/model.descent"), dir.resolve("resumed/model.descent"));
    assertArrayEquals(readBytes(dir.resolve("straight/model.descent")), readBytes(dir.resolve("resumed/model.descent")));
    assertEquals(straight.json().get("dev"), json.get("dev"));
    assertEquals(straight.json().get("train"), json.get("train"));
  }

  @Test
  void l2AndDropoutAreRecordedAndResumeBitForBit() {
    String[] regularized = {"--data", "football", "--hidden", "20,3", "--l2", "0.7", "--keep-prob", "0.86"};
    Cli.Result straight = Cli.run(train(dir.resolve("straight"), concat(regularized, "--epochs", "16")));
    assertEquals(0, straight.code(), straight.err());
    Cli.Result first = Cli.run(train(dir.resolve("first"), concat(regularized, "--epochs", "8", "--checkpoint-every", "4")));
    assertEquals(0, first.code(), first.err());
    Cli.Result resumed = Cli.run("resume", dir.resolve("first/checkpoint.descent").toString(), "--epochs", "16",
        "--out", dir.resolve("resumed").toString(), "--json");
    assertEquals(0, resumed.code(), resumed.err());
    assertSameTensors(dir.resolve("straight/model.descent"), dir.resolve("resumed/model.descent"));
    assertArrayEquals(readBytes(dir.resolve("straight/model.descent")), readBytes(dir.resolve("resumed/model.descent")));
    assertEquals(straight.json().get("train"), resumed.json().get("train"));
    // without the L2 term and the dropout masks the continuation would differ from the straight run
    Cli.Result plain = Cli.run(train(dir.resolve("plain"), "--data", "football", "--hidden", "20,3", "--epochs", "16"));
    assertTrue(!straight.json().get("train").equals(plain.json().get("train")), "regularization must change the run");
  }

  /**
   * Trains {@code options} for 12 epochs straight and for 5 with a checkpoint, resumes the cut run
   * to 12, and checks that the two model files are the same bytes and the reports the same
   * numbers; returns the straight run's report.
   */
  private JsonNode assertResumesByteForByte(String name, String... options) throws java.io.IOException {
    Path root = dir.resolve(name);
    Cli.Result straight = Cli.run(train(root.resolve("straight"), concat(options, "--epochs", "12")));
    assertEquals(0, straight.code(), straight.err());
    Cli.Result first = Cli.run(train(root.resolve("first"), concat(options, "--epochs", "5", "--checkpoint-every", "5")));
    assertEquals(0, first.code(), first.err());
    Cli.Result resumed = Cli.run("resume", root.resolve("first/checkpoint.descent").toString(), "--epochs", "12",
        "--out", root.resolve("resumed").toString(), "--json");
    assertEquals(0, resumed.code(), resumed.err());
    assertSameTensors(root.resolve("straight/model.descent"), root.resolve("resumed/model.descent"));
    assertEquals(TensorFile.read(root.resolve("straight/model.descent")).header().toString(),
        TensorFile.read(root.resolve("resumed/model.descent")).header().toString(), name + ": the headers differ");
    assertArrayEquals(Files.readAllBytes(root.resolve("straight/model.descent")), Files.readAllBytes(root.resolve("resumed/model.descent")),
        name + ": the model files differ");
    for (String set : List.of("train", "dev", "test")) {
      assertEquals(straight.json().get(set), resumed.json().get(set), set);
    }
    assertEquals(straight.json().get("epochs"), resumed.json().get("epochs"));
    assertEquals(straight.json().get("stopped"), resumed.json().get("stopped"));
    return straight.json();
  }

  @Test
  void aRunWithL1ResumesByteForByte() throws Exception {
    assertResumesByteForByte("l1", "--l1", "0.05");
  }

  @Test
  void aRunWithAKeepProbPerLayerResumesByteForByte() throws Exception {
    assertResumesByteForByte("keep", "--keep-prob", "0.7,0.9");
  }

  @Test
  void aRunWithBatchNormResumesByteForByte() throws Exception {
    assertResumesByteForByte("batch-norm", "--batch-norm");
  }

  @Test
  void aRunWithAugmentationResumesByteForByte() throws Exception {
    assertResumesByteForByte("augment", "--augment", "noise:0.2");
  }

  @Test
  void aRunWithEarlyStoppingResumesByteForByte() throws Exception {
    JsonNode straight = assertResumesByteForByte("early", "--early-stopping", "3", "--min-delta", "0.03");
    // the patience counter crosses the cut, and the model holds the best epoch's parameters, not the last's
    JsonNode stopping = straight.get("early_stopping");
    assertEquals(10, stopping.get("best_epoch").asInt(), stopping.toString());
    assertEquals(12, stopping.get("last_epoch").asInt(), stopping.toString());
  }

  @Test
  void aRunWithAPlateauScheduleResumesByteForByte() throws Exception {
    assertResumesByteForByte("plateau", "--schedule", "plateau:factor=0.5,patience=1,threshold=0.1");
  }

  @Test
  void aRunWithEveryOptionAtOnceResumesByteForByte() throws Exception {
    assertResumesByteForByte("all", "--l2", "0.1", "--l1", "0.01", "--keep-prob", "0.8,0.9", "--batch-norm", "--augment", "noise:0.1",
        "--early-stopping", "4", "--schedule", "plateau:factor=0.5,patience=2");
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(new String[0]);
  }

  @Test
  void aCheckpointAtTheEndNeedsMoreEpochs() {
    Cli.Result first = Cli.run(train(dir.resolve("run"), "--epochs", "6", "--checkpoint-every", "4", "--checkpoint", dir.resolve("c.descent").toString()));
    assertEquals(0, first.code(), first.err());
    Path checkpoint = dir.resolve("c.descent");
    // the user gave no --epochs: the message must not blame one
    BadInputTest.assertFails(2, "the checkpoint " + checkpoint + " is at epoch 6, the end of its run (6 epochs); give --epochs"
        + " with more epochs in all to train on, e.g. --epochs 12", "resume", checkpoint.toString(), "--out", dir.resolve("again").toString());
    Cli.Result longer = Cli.run("resume", checkpoint.toString(), "--epochs", "9", "--lr", "0.02", "--out", dir.resolve("longer").toString());
    assertEquals(0, longer.code(), longer.err());
    assertTrue(longer.out().startsWith("resumed   " + checkpoint + " at epoch 6, on to epoch 9 (adam lr 0.02, batch 64, seed 7)\n"), longer.out());
  }

  @Test
  void aModelIsNotACheckpoint() {
    Cli.Result trained = Cli.run(train(dir, "--epochs", "2"));
    assertEquals(0, trained.code(), trained.err());
    Path model = dir.resolve("model.descent");
    BadInputTest.assertFails(1, model + ": holds a model, not a checkpoint; resume a file that train --checkpoint-every wrote",
        "resume", model.toString(), "--out", dir.resolve("x").toString());
    BadInputTest.assertFails(1, dir.resolve("none.descent") + ": no such file",
        "resume", dir.resolve("none.descent").toString(), "--out", dir.resolve("x").toString());
  }
}
