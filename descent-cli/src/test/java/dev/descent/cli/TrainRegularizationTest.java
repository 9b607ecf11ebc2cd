package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.model.TensorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent train with regularization, early stopping, gradient norms and the bias/variance diagnosis. */
class TrainRegularizationTest {
  @TempDir
  Path dir;

  static final String[] OVERFITTING = {"train", "--data", "moons", "--examples", "150", "--noise", "0.3", "--hidden", "64,64",
      "--lr", "0.01", "--epochs", "300", "--batch-size", "full", "--json"};

  static String[] with(String[] base, String... extra) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(extra));
    return all.toArray(new String[0]);
  }

  @Test
  void earlyStoppingRestoresTheBestEpochEvenWhenTrainingRunsToTheEnd() {
    Cli.Result r = Cli.run(with(OVERFITTING, "--early-stopping", "1000", "--out", dir.resolve("es").toString()));
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    JsonNode es = j.get("early_stopping");
    assertFalse(es.get("stopped").asBoolean());
    assertFalse(j.has("stopped"), "training ran to its last epoch");
    assertEquals(300, es.get("last_epoch").asInt());
    int best = es.get("best_epoch").asInt();
    assertTrue(best < 300, "the run overfits, so its best dev epoch is not the last: " + best);
    // the saved and reported model is the best epoch's: its dev cost is that epoch's, bit for bit
    assertEquals(es.get("best_value").asDouble(), j.get("dev").get("cost").asDouble());
    // and the same run without early stopping ends worse on dev
    Cli.Result plain = Cli.run(with(OVERFITTING, "--out", dir.resolve("plain").toString()));
    assertTrue(plain.json().get("dev").get("cost").asDouble() > es.get("best_value").asDouble() + 0.01, plain.out());
    // the saved model is the restored one
    Model m = ModelFile.read(dir.resolve("es").resolve("model.descent"));
    assertEquals(java.util.Map.of("patience", 1000, "min_delta", 0.0, "metric", "cost"), m.settings().get("early_stopping"));
  }

  @Test
  void earlyStoppingStopsAndSaysAtWhichEpochInTheSummary() {
    String[] args = {"train", "--data", "moons", "--examples", "150", "--noise", "0.3", "--hidden", "64,64", "--lr", "0.01",
        "--epochs", "300", "--batch-size", "full", "--early-stopping", "20", "--out", dir.toString()};
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.code(), r.err());
    Cli.Result j = Cli.run(with(args, "--json"));
    JsonNode es = j.json().get("early_stopping");
    assertTrue(es.get("stopped").asBoolean());
    int best = es.get("best_epoch").asInt();
    assertEquals(best + 20, es.get("last_epoch").asInt());
    assertEquals("stopped by EarlyStopping after epoch " + (best + 20), j.json().get("stopped").asText());
    assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "early stopping: dev cost did not improve by more than 0"
        + " for 20 epochs: stopped after epoch %d; restored the best parameters, of epoch %d (dev cost %.4f)%n", best + 20, best,
        es.get("best_value").asDouble())), r.out());
    assertTrue(r.out().contains("stop      early on dev cost, patience 20, min delta 0; keeps the best dev epoch"), r.out());
  }

  @Test
  void reportsTheDiagnosisWithTheBayesError() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8", "--epochs", "30", "--lr", "0.01", "--bayes-error", "0.05",
        "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    JsonNode d = j.get("diagnosis");
    double trainError = 1 - j.get("train").get("accuracy").asDouble();
    double devError = 1 - j.get("dev").get("accuracy").asDouble();
    assertEquals(trainError, d.get("train_error").asDouble(), 1e-15);
    assertEquals(devError, d.get("dev_error").asDouble(), 1e-15);
    assertEquals("dev", d.get("dev_error_from").asText());
    assertEquals(0.05, d.get("bayes_error").asDouble());
    assertEquals(trainError - 0.05, d.get("avoidable_bias").asDouble(), 1e-15);
    assertEquals(devError - trainError, d.get("variance").asDouble(), 1e-15);
    dev.descent.train.Diagnosis expected = dev.descent.train.Diagnosis.of(
        dev.descent.train.Diagnosis.ErrorRates.of(trainError, devError).withBayesError(0.05));
    assertEquals(expected.problem().name().toLowerCase(), d.get("problem").asText());
    List<String> remedies = new ArrayList<>();
    d.get("remedies").forEach(n -> remedies.add(n.asText()));
    assertEquals(expected.remedies(), remedies);
  }

  @Test
  void humanSummaryCarriesTheDiagnosisAndTheNorms() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8,4", "--epochs", "20", "--l2", "0.7", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("regularize L2 λ 0.7\n"), r.out());
    assertTrue(r.out().contains("\ndiagnosis: avoidable bias "), r.out());
    assertTrue(r.out().contains("gradient norms after epoch 20 (data cost on up to 256 training examples):\n  layer 1 (W1, b1) "),
        r.out());
    assertTrue(r.out().contains("plot      " + dir.resolve("gradient-norms.png")), r.out());
  }

  @Test
  void aBatchNormsGammaAndBetaAreNormedWithTheirLayerNotAsLayersOfTheirOwn() throws Exception {
    Cli.Result r = Cli.run("train", "--data", "spiral", "--classes", "3", "--batch-norm", "--hidden", "8,4", "--epochs", "3",
        "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(":\n  layer 1 (W1, gamma1, beta1)  weight "), r.out());
    assertTrue(r.out().contains("\n  layer 2 (W2, gamma2, beta2)  weight "), r.out());
    assertTrue(r.out().contains("\n  layer 3 (W3, b3)             weight "), r.out());
    List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("history.csv"));
    assertTrue(csv.get(0).endsWith(",grad_norm_1,grad_norm_2,grad_norm_3,update_ratio_1,update_ratio_2,update_ratio_3"), csv.get(0));
  }

  @Test
  void gradientNormsPerLayerAndThePlot() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8,4", "--epochs", "20", "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode g = r.json().get("gradient_norms");
    assertEquals(20, g.get("epoch").asInt());
    assertEquals(3, g.get("layers").size());
    for (int l = 0; l < 3; l++) {
      JsonNode layer = g.get("layers").get(l);
      assertEquals(l + 1, layer.get("layer").asInt());
      assertEquals("W" + (l + 1), layer.get("parameters").get(0).asText());
      assertTrue(layer.get("gradient_norm").asDouble() > 0);
      assertTrue(layer.get("weight_norm").asDouble() > 0);
    }
    assertEquals(g.get("layers").get(0).get("gradient_norm").asDouble() / g.get("layers").get(2).get("gradient_norm").asDouble(),
        g.get("first_over_last").asDouble(), 1e-12);
    assertEquals(0, g.get("warnings").size());
    assertTrue(Files.exists(dir.resolve("gradient-norms.png")));
  }

  @Test
  void warnsOnStderrWhenGradientsVanish() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8,8,8,8,8,8,8,8,8,8", "--activation", "sigmoid", "--init", "xavier",
        "--epochs", "3", "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith("warning: epoch 1: vanishing gradients: the first layer's gradient norm over the last's is "),
        lines[0]);
    assertTrue(lines[0].endsWith(", below 1e-03; use He initialization, ReLU rather than sigmoid or tanh, batch norm, or fewer"
        + " layers"), lines[0]);
    JsonNode g = r.json().get("gradient_norms");
    assertEquals(3, g.get("epochs_with_warning").get("vanishing gradients").asInt());
    assertTrue(g.get("first_over_last").asDouble() < 1e-3);
  }

  @Test
  void settingsGoIntoTheModelFile() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8,4", "--epochs", "5", "--l2", "0.7", "--l1", "0.01",
        "--keep-prob", "1,0.8", "--augment", "noise:0.1", "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode header = TensorFile.read(dir.resolve("model.descent")).header();
    JsonNode s = header.get("settings");
    assertEquals(0.7, s.get("l2").asDouble());
    assertEquals(0.01, s.get("l1").asDouble());
    assertEquals("[1.0,0.8]", s.get("keep_prob").toString());
    assertEquals("noise:0.1", s.get("augment").asText());
    // dropout after hidden layer 2 only (keep 1 adds no layer); the augmentation layer is not saved
    List<String> kinds = new ArrayList<>();
    header.get("layers").forEach(l -> kinds.add(l.get("kind").asText()));
    assertEquals(List.of("dense", "activation", "dense", "activation", "dropout", "dense"), kinds);
  }

  @Test
  void augmentedTrainingSavesAModelThatLoads() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8", "--epochs", "10", "--augment", "noise:0.2", "--out",
        dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    Cli.Result e = Cli.run("evaluate", "--model", dir.resolve("model.descent").toString(), "--data", "moons", "--json");
    assertEquals(0, e.code(), e.err());
  }

  @Test
  void imageAugmentationTakesTheLayoutFromTheDataFile() {
    Path train = SharedData.file("datasets", "train_catvnoncat.h5");
    org.junit.jupiter.api.Assumptions.assumeTrue(train != null, "../shared/datasets is not beside the repository");
    Cli.Result r = Cli.run("train", "--data", train.toString(), "--hidden", "3", "--epochs", "2", "--augment", "flip,crop:4,shift:2",
        "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\naugment   flip,crop:4,shift:2 on 64×64×3 images (HWC; as the data file stores them)\n"),
        r.out());
    JsonNode s = TensorFile.read(dir.resolve("model.descent")).header().get("settings");
    assertEquals("64x64x3 HWC", s.get("image_layout").asText());
  }

  @Test
  void dropoutFollowsBatchNormAndTheModelLoads() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "6,4", "--epochs", "5", "--batch-norm", "--keep-prob", "0.8",
        "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    Model m = ModelFile.read(dir.resolve("model.descent"));
    List<String> kinds = new ArrayList<>();
    m.network().layers().forEach(l -> kinds.add(l.spec().kind()));
    assertEquals(List.of("dense", "batch_norm", "activation", "dropout", "dense", "batch_norm", "activation", "dropout", "dense"),
        kinds);
    Cli.Result g = Cli.run("gradcheck", "--model", dir.resolve("model.descent").toString(), "--data", "moons", "--examples", "30",
        "--json");
    assertEquals(0, g.code(), g.err());
    assertTrue(g.json().get("dropout_disabled").asBoolean());
    assertEquals("ok", g.json().get("verdict").asText(), g.out());
  }
}
