package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of a local run on Spark: penalties, dropout, augmentation, batch norm, early stopping, and every file a local run writes. */
class SparkOptionsTest {
  @TempDir
  static Path dir;
  static Path csv;

  @BeforeAll
  static void data() throws IOException {
    csv = dir.resolve("three.csv");
    SparkTrainTest.writeThreeClasses(csv);
  }

  static SparkTrainTest.Run train(String out, String... extra) {
    return SparkTrainTest.cli(SparkTrainTest.train(csv, dir.resolve(out), "f64", extra));
  }

  @Test
  void penaltiesAreAddedOnceAStepAsALocalRunAddsThem() throws IOException {
    SparkTrainTest.Run local = train("l2-local", "--l2", "0.7", "--l1", "0.01");
    SparkTrainTest.Run spark = train("l2-spark", "--l2", "0.7", "--l1", "0.01", "--spark", "local[2]");
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    double d = SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("l2-local")), SparkTrainTest.model(dir.resolve("l2-spark")));
    System.out.println("l2 + l1 float64 relative difference " + d);
    assertTrue(d <= 1e-9, "relative difference " + d);
    assertEquals(local.json().get("train").get("cost").asDouble(), spark.json().get("train").get("cost").asDouble(), 1e-9);
  }

  @Test
  void earlyStoppingStopsAtTheEpochOfALocalRunAndKeepsItsBest() throws IOException {
    SparkTrainTest.Run local = SparkTrainTest.cli(stopping("stop-local"));
    SparkTrainTest.Run spark = SparkTrainTest.cli(withAll(stopping("stop-spark"), new String[] {"--spark", "local[2]"}));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    JsonNode l = local.json();
    JsonNode s = spark.json();
    assertEquals(l.get("epochs").asInt(), s.get("epochs").asInt());
    for (String field : List.of("stopped", "last_epoch", "best_epoch")) {
      assertEquals(l.get("early_stopping").get(field), s.get("early_stopping").get(field), field);
    }
    assertEquals(l.get("early_stopping").get("best_value").asDouble(), s.get("early_stopping").get("best_value").asDouble(), 1e-12);
    assertTrue(l.get("early_stopping").get("stopped").asBoolean(), "the run stopped early: " + l.get("early_stopping"));
    double d = SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("stop-local")), SparkTrainTest.model(dir.resolve("stop-spark")));
    assertTrue(d <= 1e-9, "the best epoch's parameters, relative difference " + d);
  }

  /** A run that overfits 60 examples of 5 features with a wide layer, so that the dev cost turns. */
  static List<String> stopping(String out) {
    return List.of("train", "--data", csv.toString(), "--hidden", "64", "--lr", "0.05", "--batch-size", "64", "--epochs", "40",
        "--seed", "7", "--precision", "f64", "--early-stopping", "2", "--out", dir.resolve(out).toString(), "--json");
  }

  static List<String> withAll(List<String> args, String[] options, String... more) {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(List.of(options));
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void dropoutAugmentationAndBatchNormAreAPureFunctionOfTheSeedSoARetryChangesNothing() {
    dev.descent.run.TrainingSettings settings = dev.descent.run.TrainingSettings.defaults().with(java.util.Map.of("hidden", "16-8", "lr", 0.01,
        "batch-size", 64, "epochs", 3)).withSeed(7);
    dev.descent.run.Regularizers regularizers = new dev.descent.run.Regularizers(null, List.of(0.8, 0.9), true, "noise:0.05", null, null);
    dev.descent.run.ClusterRun run = new dev.descent.run.ClusterRun(csv.toString(), List.of(60.0, 20.0, 20.0), true, List.of(), settings,
        regularizers, dev.descent.run.SyncMode.parse("every-step"), java.util.Map.of());
    dev.descent.run.RunResult calm = SparkBackend.train("local[2]", run, List.of(), new org.apache.spark.SparkConf());
    dev.descent.run.RunResult again = SparkBackend.train("local[2]", run, List.of(), new org.apache.spark.SparkConf());
    int injected = SparkTraining.INJECTED.get();
    dev.descent.run.RunResult retried = SparkBackend.train("local[2,2]", run, List.of(),
        new org.apache.spark.SparkConf().set(SparkTraining.FAIL_ONCE_AT_STEP, "5"));
    assertEquals(1, SparkTraining.INJECTED.get() - injected, "the first attempt at step 5 failed");
    assertEquals(0, SparkTrainTest.relativeDifference(calm.model(), again.model()), "the same seed, the same model");
    assertEquals(0, SparkTrainTest.relativeDifference(calm.model(), retried.model()), "a retry draws the same masks");
    // the running averages came back from the workers: not batch norm's initial 0 and 1
    dev.descent.nn.BatchNorm bn = (dev.descent.nn.BatchNorm) calm.model().network().layers().stream()
        .filter(l -> l instanceof dev.descent.nn.BatchNorm).findFirst().orElseThrow();
    assertTrue(maxAbs(bn.statistics().get("running_mean1")) > 0.01, "running mean " + bn.statistics().get("running_mean1"));
    assertTrue(calm.dev().accuracy() > 0.6, "it learned: dev accuracy " + calm.dev().accuracy());
  }

  @Test
  void writesWhatALocalRunWrites() throws IOException {
    SparkTrainTest.Run spark = train("files", "--keep-prob", "0.9", "--batch-norm", "--augment", "noise:0.05", "--spark", "local[2]");
    assertEquals(0, spark.code(), spark.err());
    for (String file : List.of("model.descent", "history.jsonl", "history.csv", "cost.png", "accuracy.png", "gradient-norms.png", "confusion.png")) {
      assertTrue(Files.size(dir.resolve("files").resolve(file)) > 0, file);
    }
    assertEquals(5, Files.readAllLines(dir.resolve("files/history.csv")).size(), "a header and 4 epochs");
    JsonNode json = spark.json();
    assertEquals(4, json.get("history").size());
    assertTrue(json.has("diagnosis"), json.toString());
    SparkTrainTest.Run human = SparkTrainTest.cli(List.of("train", "--data", csv.toString(), "--hidden", "8", "--epochs", "2", "--spark", "local[2]",
        "--keep-prob", "0.9", "--out", dir.resolve("human").toString()));
    assertEquals(0, human.code(), human.err());
    assertTrue(human.out().contains("regularize "), human.out());
  }

  static double maxAbs(dev.descent.tensor.Matrix m) {
    double max = 0;
    for (int k = 0; k < m.size(); k++) {
      max = Math.max(max, Math.abs(m.getFlat(k)));
    }
    return max;
  }
}
