package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.run.NetworkSpec;
import dev.descent.run.PreparedData;
import dev.descent.tensor.Rng;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizationExperimentTest {
  @TempDir
  Path out;

  /** The course's moons (sklearn's sample) and the numpy reference's He start, from course/optimization.py. */
  static MoonsLab referenceLab() throws Exception {
    JsonNode ref;
    try (InputStream in = OptimizationExperimentTest.class.getResourceAsStream("/course/optimization.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    Matrix x = matrix(ref.get("X"));
    int[] y = new int[x.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ref.get("y").get("data").get(i).asInt();
    }
    Dataset moons = Dataset.classification("moons", x, y, Dataset.numberedClasses(2), Dataset.numberedFeatures(2));
    PreparedData data = PreparedData.fromSets(moons, null, null, false);
    return new MoonsLab(data, () -> {
      Network n = MoonsLab.NETWORK.build(data.train(), Precision.F32, Rng.of(1), NetworkSpec.LayerDecorator.PLAIN);
      for (Variable p : n.parameters()) {
        Matrix v = matrix(ref.get(p.name()));
        p.value().copyFrom(Matrix.of(Precision.F64, p.value().rows(), p.value().cols(), values(v)).to(n.precision()));
      }
      return n;
    }, "the course's moons (sklearn make_moons(300, noise=0.2, random_state=3)) from the numpy reference's start");
  }

  private static Matrix matrix(JsonNode node) {
    JsonNode shape = node.get("shape");
    int rows = shape.get(0).asInt();
    int cols = shape.size() > 1 ? shape.get(1).asInt() : 1;
    Matrix m = Matrix.zeros(Precision.F64, rows, cols);
    for (int k = 0; k < rows * cols; k++) {
      m.setFlat(k, node.get("data").get(k).asDouble());
    }
    return m;
  }

  private static double[] values(Matrix m) {
    double[] v = new double[m.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = m.getFlat(k);
    }
    return v;
  }

  /**
   * The course's table on the course's data from the reference's initial weights: gd 79.7 %,
   * momentum 79.7 %, Adam 94 % (numpy, float64), and the lr-decay lab's 94 % for gradient
   * descent with lr 0.1 decayed every 1000 epochs. The mini-batch order differs (our seeded
   * shuffle), so within ±3 points; the costs within 0.01 of numpy's.
   */
  @Test
  void reproducesTheCourseTableFromTheReferenceStart() throws Exception {
    Map<String, GradientTransform> all = OptimizationExperiment.optimizers();
    Map<String, GradientTransform> runs = new LinkedHashMap<>();
    for (String name : List.of("gd", "momentum", "adam", "gd-decay")) {
      runs.put(name, all.get(name));
    }
    ExperimentResult r = new OptimizationExperiment().run(
        new ExperimentContext(out, null, new PrintWriter(new StringWriter())), referenceLab(), runs);
    Map<String, RunRow> rows = new LinkedHashMap<>();
    r.runs().forEach(row -> rows.put(row.name(), row));
    assertEquals(List.of("gd", "momentum", "adam", "gd-decay"), List.copyOf(rows.keySet()));
    assertWithin(0.7967, rows.get("gd").trainAccuracy(), 0.03, "gd");
    assertWithin(0.7967, rows.get("momentum").trainAccuracy(), 0.03, "momentum");
    assertWithin(0.94, rows.get("adam").trainAccuracy(), 0.03, "adam");
    assertWithin(0.94, rows.get("gd-decay").trainAccuracy(), 0.03, "gd-decay");
    assertWithin(0.43323, rows.get("gd").finalCost(), 0.01, "gd cost");
    assertWithin(0.43360, rows.get("momentum").finalCost(), 0.01, "momentum cost");
    assertWithin(0.12865, rows.get("adam").finalCost(), 0.01, "adam cost");
  }

  private static void assertWithin(double expected, double actual, double tolerance, String what) {
    assertTrue(Math.abs(actual - expected) <= tolerance, what + ": " + actual + ", expected " + expected + " ± " + tolerance);
  }

  /** The default replays the notebook: the course's moons, np.random.seed(3), then 10 + epoch + 1, float64. */
  @Test
  void reproducesTheCoursesTableToTheDigit() {
    Rows rows = Rows.of("optimization", out);
    rows.assertCourse("gd", 0.7967, Double.NaN);
    rows.assertCourse("momentum", 0.7967, Double.NaN);
    rows.assertCourse("adam", 0.94, Double.NaN);
    // numpy's final costs on the whole set: gd 0.4332301, adam 0.1286548. Our sums and products round
    // in another order than numpy's (BLAS, pairwise sums, Adam's v·(1/c1) for v/c1), and over 50 000
    // steps that moves the costs (measured 0.4332621 and 0.1287597), not the accuracies
    assertEquals(0.4332301, rows.number("gd", "final_cost"), 5e-5);
    assertEquals(0.1286548, rows.number("adam", "final_cost"), 2e-4);
  }

  /**
   * The built-in moons are another sample of the same distribution, trained from this toolkit's
   * He start (seed 3): recorded here gd 85.3 %, momentum 85.3 %, Adam 97.7 %, RMSprop 97.7 %,
   * AdamW 97.3 %, gd-decay 98.0 % (numpy on this sample from its own start: gd 81.0 %, momentum
   * 81.0 %, Adam 97.3 %). The lesson must hold: momentum ≈ gd ≪ Adam at lr 0.0007.
   */
  @Test
  void builtInTableKeepsTheLessonAndItsNumbers() {
    Rows rows = Rows.of("optimization", out, "--rng", "descent");
    for (String name : List.of("gd", "momentum", "adam")) {
      assertTrue(!rows.byName.get(name).get("matches_course").asBoolean(), name + " differs from the course, and says so");
    }
    assertEquals(List.of("gd", "momentum", "adam", "rmsprop", "adamw", "gd-decay"), rows.names());
    Map<String, Double> recorded = Map.of("gd", 0.853, "momentum", 0.853, "adam", 0.977, "rmsprop", 0.977,
        "adamw", 0.973, "gd-decay", 0.980);
    for (String name : rows.names()) {
      assertWithin(recorded.get(name), rows.number(name, "train_accuracy"), 0.03, name);
      assertTrue(rows.isNull(name, "test_accuracy"), name);
    }
    assertWithin(rows.number("gd", "train_accuracy"), rows.number("momentum", "train_accuracy"), 0.01, "momentum ≈ gd");
    assertTrue(rows.number("adam", "train_accuracy") > rows.number("gd", "train_accuracy") + 0.05);
    assertTrue(rows.number("adam", "final_cost") < rows.number("gd", "final_cost") / 2);
    assertEquals(7, rows.json.get("plots").size()); // one cost plot, six boundaries
  }
}
