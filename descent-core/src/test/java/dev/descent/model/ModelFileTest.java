package dev.descent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Standardizer;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir
  Path dir;

  static Model model() {
    Network net = Network.builder(3, Precision.F32, Rng.of(4))
        .dense(4, Init.he()).activation(Activation.TANH)
        .dense(3, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    return new Model(net, new Standardizer(new double[] {1, 2, 3}, new double[] {0.5, 1, 2}),
        List.of("cat", "dog", "fish"), List.of("a", "b", "c"), Map.of("epochs", 10, "optimizer", "adam"));
  }

  @Test
  void roundTripKeepsEverythingAndPredictsTheSame() {
    Model m = model();
    Path file = dir.resolve("m.descent");
    ModelFile.write(file, m);
    Model back = ModelFile.read(file);
    assertEquals(m.classNames(), back.classNames());
    assertEquals(m.featureNames(), back.featureNames());
    assertEquals(10, ((Number) back.settings().get("epochs")).intValue());
    assertEquals(Loss.CATEGORICAL_CROSS_ENTROPY, back.network().loss());
    Matrix x = Matrix.of(Precision.F64, 2, 3, 1, 2, 3, -4, 5, 0.5);
    assertEquals(m.predict(x), back.predict(x));
    assertTrue(java.util.Arrays.equals(m.standardizer().std(), back.standardizer().std()));
  }

  @Test
  void truncatedFileIsRefused() throws IOException {
    Path file = dir.resolve("m.descent");
    ModelFile.write(file, model());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": truncated or corrupt (checksum mismatch); the file was not written completely", e.getMessage());
  }

  @Test
  void futureVersionIsRefusedWithAnUpgradeHint() throws IOException {
    Path file = dir.resolve("m.descent");
    ModelFile.write(file, model());
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
    Files.write(file, bytes);
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": format version 7; this Descent reads version 1 (written by a newer Descent: upgrade to load it)", e.getMessage());
  }

  @Test
  void garbageIsNotAModel() throws IOException {
    Path file = dir.resolve("junk.descent");
    Files.write(file, "hello, this is not a model at all".getBytes());
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": not a Descent model file (no DESCENT header)", e.getMessage());
  }

  @Test
  void missingFileSaysSo() {
    Path file = dir.resolve("none.descent");
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void headerDeclaringMoreDataThanTheFileHoldsIsRefused() throws IOException {
    // a valid container whose directory claims a tensor far beyond the data section
    com.fasterxml.jackson.databind.node.ObjectNode h = TensorFile.newHeader("model");
    TensorFile tf = new TensorFile(h, Map.of("W1", Matrix.zeros(Precision.F64, 2, 2)));
    Path file = dir.resolve("big.descent");
    tf.write(file);
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\"rows\":2", "\"rows\":9");
    byte[] patched = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(patched, 0, patched.length - 8);
    ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN).putLong(patched.length - 8, crc.getValue());
    Files.write(file, patched);
    DescentException e = assertThrows(DescentException.class, () -> TensorFile.read(file));
    assertEquals(file + ": tensor 'W1' (9×2 at 0) lies outside the file's 32 data bytes", e.getMessage());
  }

  @Test
  void writingIntoAMissingParentCreatesIt() {
    Path file = dir.resolve("a/b/m.descent");
    ModelFile.write(file, model());
    assertTrue(Files.exists(file));
  }
}
