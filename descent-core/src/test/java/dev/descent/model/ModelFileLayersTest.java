package dev.descent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.optim.Optimizers;
import dev.descent.regularize.Dropout;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Model files with batch-norm and dropout layers: what is saved, and that a loaded model predicts the same. */
class ModelFileLayersTest {
  @TempDir
  Path dir;

  static final Dataset SPIRAL = Generators.spiral(120, 3, 0.2, Rng.of(5));

  /** [2, 8 (no bias) + batch norm, relu, dropout 0.8, 6 (no bias) + batch norm, relu, 3 softmax], trained a few epochs. */
  static Network trained(Precision precision) {
    NetworkBuilder b = Network.builder(2, precision, Rng.of(7)).dense(8, Init.he(), false);
    b.layer(BatchNorm.after(b)).activation(Activation.RELU).layer(Dropout.keep(0.8)).dense(6, Init.he(), false);
    b.layer(BatchNorm.after(b)).activation(Activation.RELU).dense(3, Init.he());
    Network net = b.loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(20, 16, 3, false)).fit(SPIRAL, null, List.of());
    return net;
  }

  static Model model(Network net) {
    return new Model(net, null, List.of("a", "b", "c"), List.of("x1", "x2"), Map.of());
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void trainedBatchNormNetworkPredictsIdenticallyAfterLoading(Precision precision) {
    Network net = trained(precision);
    Path file = dir.resolve("bn.descent");
    ModelFile.write(file, model(net));
    Model back = ModelFile.read(file);
    assertEquals(net.precision(), back.network().precision());
    assertEquals(specs(net), specs(back.network()));
    Matrix all = SPIRAL.features();
    assertEquals(net.predict(all), back.network().predict(all));
    Matrix one = Matrix.fromRows(Precision.F64, new double[][] {all.row(17)});
    Matrix single = back.network().predict(one);
    assertEquals(net.predict(one), single);
    // a batch of one uses the running statistics, so it agrees with the same row inside the full batch
    Matrix full = net.predict(all);
    for (int j = 0; j < 3; j++) {
      assertEquals(full.get(17, j), single.get(0, j), precision == Precision.F32 ? 1e-6 : 1e-12);
    }
  }

  @Test
  void runningStatisticsAreSavedAndRestoredNotReset() {
    Network net = trained(Precision.F64);
    BatchNorm first = batchNorms(net).get(0);
    Matrix mean = first.statistics().get("running_mean1");
    assertNotEquals(0.0, mean.getFlat(0), "training moved the running mean away from its start");
    Path file = dir.resolve("bn.descent");
    ModelFile.write(file, model(net));
    TensorFile tf = TensorFile.read(file);
    assertEquals(List.of("W1", "gamma1", "beta1", "running_mean1", "running_variance1",
        "W2", "gamma2", "beta2", "running_mean2", "running_variance2", "W3", "b3"), new ArrayList<>(tf.tensors().keySet()));
    BatchNorm loaded = batchNorms(ModelFile.read(file).network()).get(0);
    assertEquals(mean, loaded.statistics().get("running_mean1"));
    assertEquals(first.statistics().get("running_variance1"), loaded.statistics().get("running_variance1"));
    assertEquals(first.config(), loaded.config());
    assertEquals(first.gamma().value(), loaded.gamma().value());
    assertEquals(first.beta().value(), loaded.beta().value());
  }

  @Test
  void dropoutKeepsItsKeepProbabilityAndHasNoTensors() {
    Network net = trained(Precision.F64);
    Path file = dir.resolve("bn.descent");
    ModelFile.write(file, model(net));
    Dropout d = null;
    for (Layer l : ModelFile.read(file).network().layers()) {
      if (l instanceof Dropout dropout) {
        d = dropout;
      }
    }
    assertEquals(0.8, d.keepProb());
    assertTrue(TensorFile.read(file).tensors().keySet().stream().noneMatch(n -> n.contains("drop")));
  }

  @Test
  void missingRunningStatisticsAreNamed() {
    Network net = trained(Precision.F64);
    Model m = model(net);
    TensorFile tf = ModelFile.encode(m, ModelFile.KIND);
    tf.tensors().remove("running_variance2");
    Path file = dir.resolve("broken.descent");
    tf.write(file);
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": model file lacks tensor 'running_variance2'", e.getMessage());
  }

  @Test
  void batchNormThatDoesNotFollowItsDenseLayerIsRefused() {
    Model m = model(trained(Precision.F64));
    TensorFile tf = ModelFile.encode(m, ModelFile.KIND);
    com.fasterxml.jackson.databind.node.ObjectNode bn =
        (com.fasterxml.jackson.databind.node.ObjectNode) tf.header().get("layers").get(1).get("settings");
    bn.put("layer", 2);
    Path file = dir.resolve("broken.descent");
    tf.write(file);
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": batch norm declares layer 2 with 8 units but follows dense layer 1 of 8 units", e.getMessage());
  }

  @Test
  void dropoutWithAnImpossibleKeepProbabilityIsRefused() {
    Model m = model(trained(Precision.F64));
    TensorFile tf = ModelFile.encode(m, ModelFile.KIND);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tf.header().get("layers").get(3).get("settings")).put("keep_prob", 1.5);
    Path file = dir.resolve("broken.descent");
    tf.write(file);
    DescentException e = assertThrows(DescentException.class, () -> ModelFile.read(file));
    assertEquals(file + ": dropout keepProb = 1.5: must be in (0, 1]; it is the probability of keeping a unit,"
        + " e.g. Dropout.keep(0.86) or Dropout.drop(0.14) drops 14% of the units", e.getMessage());
  }

  @Test
  void theFormatDocumentListsEveryTensorAndLayerKind() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "model-format.md"));
    Path file = dir.resolve("bn.descent");
    ModelFile.write(file, model(trained(Precision.F64)));
    TensorFile tf = TensorFile.read(file);
    for (String name : tf.tensors().keySet()) {
      String pattern = name.replaceAll("\\d+$", "{l}");
      assertTrue(doc.contains("`" + pattern + "`"), "docs/model-format.md should list `" + pattern + "`");
    }
    for (com.fasterxml.jackson.databind.JsonNode layer : tf.header().get("layers")) {
      assertTrue(doc.contains("\"kind\": \"" + layer.get("kind").asText() + "\""),
          "docs/model-format.md should show a " + layer.get("kind").asText() + " layer");
    }
  }

  static List<BatchNorm> batchNorms(Network net) {
    List<BatchNorm> out = new ArrayList<>();
    for (Layer l : net.layers()) {
      if (l instanceof BatchNorm bn) {
        out.add(bn);
      }
    }
    return out;
  }

  static List<String> specs(Network net) {
    List<String> out = new ArrayList<>();
    for (Layer l : net.layers()) {
      out.add(l.spec().kind() + " " + new java.util.TreeMap<>(l.spec().settings()));
    }
    return out;
  }
}
