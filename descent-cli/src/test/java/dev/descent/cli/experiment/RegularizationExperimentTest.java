package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegularizationExperimentTest {
  @TempDir
  Path dir;

  /** The default replays the notebook: data.mat, np.random.seed(3), dropout masks of np.random.seed(1), float64. */
  @Test
  void reproducesTheCoursesTableToTheDigit() {
    Rows rows = Rows.of("regularization", dir);
    assertEquals(List.of("none", "l2", "dropout"), rows.names());
    rows.assertCourse("none", 0.9479, 0.915);
    rows.assertCourse("l2", 0.9384, 0.93);
    rows.assertCourse("dropout", 0.9289, 0.95);
  }

  /** The notebook's first mask entries: np.random.seed(1); np.random.rand(20, 211) < 0.86, transposed. */
  @Test
  void notebookMasksAreNumpysDrawsUnitsByExamples() {
    dev.descent.tensor.Rng rng = dev.descent.tensor.Rng.numpy(1);
    dev.descent.tensor.Matrix[] masks = RegularizationExperiment.notebookMasks(211);
    assertEquals(211, masks[0].rows());
    assertEquals(20, masks[0].cols());
    assertEquals(3, masks[1].cols());
    for (int i = 0; i < 211; i++) {
      assertEquals(rng.nextDouble() < 0.86 ? 1 : 0, masks[0].get(i, 0), 0, "example " + i);
    }
  }

  /** --rng descent: the look-alike football set and Descent's generator, the previous behaviour. */
  @Test
  void regularizationNarrowsTheTrainTestGap() {
    Cli.Result r = Cli.run("experiment", "regularization", "--out", dir.toString(), "--json", "--rng", "descent");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    Map<String, JsonNode> runs = new LinkedHashMap<>();
    j.get("runs").forEach(n -> runs.put(n.get("name").asText(), n));
    assertEquals(List.of("none", "l2", "dropout"), List.copyOf(runs.keySet()));
    double noneGap = gap(runs.get("none"));
    double noneTest = runs.get("none").get("test_accuracy").asDouble();
    for (String regularized : List.of("l2", "dropout")) {
      JsonNode run = runs.get(regularized);
      // the shape of the course's result: a smaller train–test gap, and no worse on test (within a point)
      assertTrue(gap(run) < noneGap, regularized + " gap " + gap(run) + " vs none " + noneGap);
      assertTrue(run.get("test_accuracy").asDouble() >= noneTest - 0.01, regularized + ": " + run);
      assertEquals(gap(run), run.get("train_test_gap").asDouble(), 1e-12);
    }
    // our numbers on the built-in football set (200 train / 200 test), within 2 points: float32 kernels may move
    // a point that sits on the boundary (dropout's masks make its run the most sensitive to summation order)
    assertAccuracies(runs.get("none"), 0.920, 0.840);
    assertAccuracies(runs.get("l2"), 0.915, 0.855);
    assertAccuracies(runs.get("dropout"), 0.930, 0.885);
    // L2 adds λ/2m·Σ‖W‖² to the cost it reports, so its final cost is the highest
    assertTrue(runs.get("l2").get("final_cost").asDouble() > runs.get("none").get("final_cost").asDouble());
    assertEquals(4, j.get("plots").size());
    for (JsonNode p : j.get("plots")) {
      assertTrue(Files.exists(Path.of(p.asText())), p.asText());
    }
  }

  static double gap(JsonNode run) {
    return run.get("train_accuracy").asDouble() - run.get("test_accuracy").asDouble();
  }

  static void assertAccuracies(JsonNode run, double train, double test) {
    assertEquals(train, run.get("train_accuracy").asDouble(), 0.02, run.toString());
    assertEquals(test, run.get("test_accuracy").asDouble(), 0.02, run.toString());
  }
}
