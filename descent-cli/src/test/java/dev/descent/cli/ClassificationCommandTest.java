package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.data.Dataset;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.nn.Loss;
import dev.descent.run.DataRequest;
import dev.descent.run.DataSource;
import dev.descent.tensor.Matrix;
import dev.descent.train.Metrics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Softmax classification from the command line: K-class training, per-class reports, the confusion matrix, predictions. */
class ClassificationCommandTest {
  @TempDir
  static Path dir;

  static JsonNode trained;
  static String human;

  @BeforeAll
  static void trainOnTheThreeClassSpiral() {
    trained = Cli.run("train", "--data", "spiral", "--classes", "3", "--hidden", "32,16", "--lr", "0.01",
        "--epochs", "150", "--out", dir.resolve("json").toString(), "--json").ok().json();
    human = Cli.run("train", "--data", "spiral", "--classes", "3", "--hidden", "32,16", "--lr", "0.01",
        "--epochs", "150", "--out", dir.resolve("human").toString()).ok().out();
  }

  @Test
  void threeClassesTrainASoftmaxWithCategoricalCrossEntropy() {
    Model m = ModelFile.read(dir.resolve("json/model.descent"));
    assertEquals(Loss.CATEGORICAL_CROSS_ENTROPY, m.network().loss());
    assertEquals(3, m.network().outputs());
    assertEquals(List.of("0", "1", "2"), m.classNames());
    assertTrue(trained.get("dev").get("accuracy").asDouble() > 0.85, trained.get("dev").toString());
  }

  @Test
  void jsonHasTheConfusionMatrixAndPerClassScoresOfEverySet() {
    for (String set : List.of("train", "dev", "test")) {
      JsonNode s = trained.get(set);
      JsonNode confusion = s.get("confusion");
      assertEquals(3, confusion.size(), set);
      long total = 0;
      long diagonal = 0;
      for (int t = 0; t < 3; t++) {
        assertEquals(3, confusion.get(t).size());
        long support = 0;
        long predictedAsT = 0;
        for (int p = 0; p < 3; p++) {
          support += confusion.get(t).get(p).asLong();
          predictedAsT += confusion.get(p).get(t).asLong();
        }
        JsonNode c = s.get("classes").get(t);
        assertEquals(Integer.toString(t), c.get("name").asText());
        // rows are true classes: the row sum is the support, the diagonal over the column sum the precision
        assertEquals(support, c.get("support").asLong(), set + " class " + t);
        long tp = confusion.get(t).get(t).asLong();
        assertEquals(predictedAsT == 0 ? 0 : (double) tp / predictedAsT, c.get("precision").asDouble(), 1e-12);
        assertEquals((double) tp / support, c.get("recall").asDouble(), 1e-12);
        total += support;
        diagonal += tp;
      }
      assertEquals(s.get("accuracy").asDouble(), (double) diagonal / total, 1e-12, set);
    }
    assertEquals(180, trained.get("train").get("classes").get(0).get("support").asLong()
        + trained.get("train").get("classes").get(1).get("support").asLong()
        + trained.get("train").get("classes").get(2).get("support").asLong());
  }

  @Test
  void humanSummaryPrintsTheDevSetByClassAndItsConfusionMatrix() {
    assertTrue(human.contains("\ndev set by class:\n  class           precision   recall       F1   support\n"), human);
    assertTrue(human.contains("\ndev set confusion matrix (rows true, columns predicted):\n  true \\ predicted "), human);
    assertTrue(human.contains("  macro average "), human);
    assertTrue(human.contains("plot      " + dir.resolve("human/confusion.png") + "\n"), human);
  }

  @Test
  void theConfusionHeatMapIsWritten() {
    BufferedImage image = Cli.png(dir.resolve("json/confusion.png"));
    assertEquals(800, image.getWidth());
    assertEquals(500, image.getHeight());
  }

  @Test
  void withoutADevSetTheReportIsOnTheTrainingSet() {
    Path out = dir.resolve("nodev");
    String text = Cli.run("train", "--data", "spiral", "--classes", "3", "--split", "80,0,20", "--epochs", "5",
        "--out", out.toString()).ok().out();
    assertTrue(text.contains("\ntrain set by class:\n"), text);
    assertTrue(Files.exists(out.resolve("confusion.png")));
  }

  @Test
  void evaluatePrintsPerClassScoresAndWritesTheHeatMapWhenAsked() {
    Path model = dir.resolve("json/model.descent");
    JsonNode json = Cli.run("evaluate", "--model", model.toString(), "--data", "spiral", "--json",
        "--out", dir.resolve("eval").toString()).ok().json();
    Model m = ModelFile.read(model);
    Dataset data = DataSource.load(DataRequest.builtIn("spiral", 300, Double.NaN, 3));
    Metrics expected = Metrics.of(m.predict(data.features()), data.targets());
    JsonNode confusion = json.get("test").get("confusion");
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        assertEquals(expected.confusion().count(t, p), confusion.get(t).get(p).asLong(), "cell " + t + "," + p);
      }
      assertEquals(expected.f1(t), json.get("test").get("classes").get(t).get("f1").asDouble(), 1e-12);
    }
    assertEquals(expected.accuracy(), json.get("test").get("accuracy").asDouble(), 1e-12);
    assertEquals(dir.resolve("eval/confusion.png").toString(), json.get("plots").get(0).asText());
    Cli.png(dir.resolve("eval/confusion.png"));
  }

  @Test
  void evaluateWithoutOutWritesNoFiles() {
    Path here = dir.resolve("json/model.descent");
    String text = Cli.run("evaluate", "--model", here.toString(), "--data", "spiral").ok().out();
    assertTrue(text.contains("\ndata set by class:\n"), text);
    assertTrue(!text.contains("plot "), text);
  }

  @Test
  void evaluateOnBlobsMatchesTheModelsClassCount() {
    Path out = dir.resolve("blobs4");
    Cli.run("train", "--data", "blobs", "--classes", "4", "--epochs", "5", "--out", out.toString(), "--json").ok();
    JsonNode json = Cli.run("evaluate", "--model", out.resolve("model.descent").toString(), "--data", "blobs", "--json")
        .ok().json();
    assertEquals(4, json.get("test").get("confusion").size());
    assertEquals(300, json.get("examples").asInt());
  }

  @Test
  void predictPrintsEachClassProbabilityUnderTheClassNames() {
    Model m = ModelFile.read(dir.resolve("json/model.descent"));
    Model named = new Model(m.network(), m.standardizer(), List.of("red", "green", "blue"), m.featureNames(), m.settings());
    Path file = dir.resolve("named.descent");
    ModelFile.write(file, named);
    String csv = Cli.run("predict", "--model", file.toString(), "--data", "spiral").ok().out();
    String[] lines = csv.split("\n");
    assertEquals("label,p_red,p_green,p_blue", lines[0]);
    assertEquals(301, lines.length);
    Dataset data = DataSource.load(DataRequest.builtIn("spiral", 300, Double.NaN, 3));
    Matrix p = named.predict(data.features());
    for (int i = 0; i < 300; i++) {
      String[] cells = lines[i + 1].split(",");
      double sum = 0;
      int best = 0;
      for (int j = 0; j < 3; j++) {
        double v = Double.parseDouble(cells[j + 1]);
        assertEquals(p.get(i, j), v, 5e-6 * Math.max(v, 1e-300) + 1e-12, "row " + i + " class " + j);
        sum += v;
        best = p.get(i, j) > p.get(i, best) ? j : best;
      }
      assertEquals(1, sum, 1e-5, "row " + i);
      assertEquals(List.of("red", "green", "blue").get(best), cells[0], "row " + i);
    }
  }
}
