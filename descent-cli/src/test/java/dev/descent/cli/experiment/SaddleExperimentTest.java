package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaddleExperimentTest {
  @TempDir
  Path out;

  @Test
  void adaptiveStepsLeaveTheSaddleAndCrossThePlateauSooner() {
    Rows rows = Rows.of("saddle", out);
    assertEquals(12, rows.names().size());
    // gradient descent on x² − y²: y_t = 0.001·(1 + 2·0.01)^t, first above 1 at t = ⌈ln 1000 / ln 1.02⌉ = 349
    assertEquals("escaped", rows.text("saddle-gd", "outcome"));
    assertEquals(349, rows.number("saddle-gd", "iterations"));
    assertEquals("escaped", rows.text("saddle-adam", "outcome"));
    assertTrue(rows.number("saddle-adam", "iterations") * 3 < rows.number("saddle-gd", "iterations"));
    // the course's momentum averages the gradients: at the same rate it lags gradient descent at first
    assertTrue(rows.number("saddle-momentum", "iterations") > rows.number("saddle-gd", "iterations"));

    assertEquals("converged", rows.text("plateau-gd", "outcome"));
    assertEquals("converged", rows.text("plateau-adam", "outcome"));
    assertTrue(rows.number("plateau-adam", "iterations") * 5 < rows.number("plateau-gd", "iterations"));
    assertTrue(rows.number("plateau-adam", "final_cost") < 1e-6);

    assertEquals("not converged", rows.text("rosenbrock-gd", "outcome"));
    assertEquals(20_000, rows.number("rosenbrock-gd", "iterations"));
    assertEquals("converged", rows.text("rosenbrock-adam", "outcome"));
    assertTrue(rows.number("rosenbrock-adam", "final_cost") < 1e-5);
    for (String run : rows.names()) {
      assertTrue(rows.isNull(run, "train_accuracy") && rows.isNull(run, "test_accuracy"), run);
    }
    assertEquals(3, rows.json.get("plots").size());
  }

  @Test
  void thinnedPathsKeepStartEndAndStride() {
    for (int length : new int[] {1, 2, 500, 501, 1001, 20_001}) {
      double[] steps = new double[length];
      for (int i = 0; i < length; i++) {
        steps[i] = i;
      }
      double[] x = SaddleExperiment.thinned("p", steps, steps).x();
      assertTrue(x.length <= SaddleExperiment.PLOT_POINTS + 1, length + " → " + x.length);
      assertEquals(0, x[0]);
      assertEquals(length - 1, x[x.length - 1]);
      int stride = (length + SaddleExperiment.PLOT_POINTS - 1) / SaddleExperiment.PLOT_POINTS;
      for (int k = 1; k < x.length - 1; k++) {
        assertEquals(k * stride, x[k]);
      }
    }
  }
}
