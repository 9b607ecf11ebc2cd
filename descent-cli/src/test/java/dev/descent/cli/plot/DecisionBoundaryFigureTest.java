package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryFigureTest {
  @TempDir Path directory;

  /** A 9 × 9 lattice on [−2, 2]²: symmetric, so the padded box is centred on 0. */
  private static double[][] lattice() {
    double[][] x = new double[81][];
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        x[i * 9 + j] = new double[] {-2 + 0.5 * i, -2 + 0.5 * j};
      }
    }
    return x;
  }

  private static int[] labels(double[][] x, java.util.function.ToIntFunction<double[]> rule) {
    int[] y = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = rule.applyAsInt(x[i]);
    }
    return y;
  }

  /** 0 blue family, 1 orange family, 2 green family, −1 neither (white, grey, dark). */
  private static int family(int rgb) {
    int r = Png.red(rgb);
    int g = Png.green(rgb);
    int b = Png.blue(rgb);
    if (b - r > 25 && b >= g) {
      return 0;
    }
    if (r - b > 25 && r > g) {
      return 1;
    }
    if (g - r > 15 && g - b > 15) {
      return 2;
    }
    return -1;
  }

  /** Counts of each colour family along the middle row, and their left- and rightmost x. */
  private static int[][] familiesAlongMiddleRow(BufferedImage image) {
    int[][] stats = new int[3][];
    for (int f = 0; f < 3; f++) {
      stats[f] = new int[] {0, Integer.MAX_VALUE, -1};
    }
    int y = image.getHeight() / 2;
    for (int x = 0; x < image.getWidth(); x++) {
      int f = family(image.getRGB(x, y) & 0xffffff);
      if (f >= 0) {
        stats[f][0]++;
        stats[f][1] = Math.min(stats[f][1], x);
        stats[f][2] = Math.max(stats[f][2], x);
      }
    }
    return stats;
  }

  @Test
  void separableClassesFillTheLeftAndRightHalves() {
    double[][] x = lattice();
    int[] y = labels(x, p -> p[0] > 0 ? 1 : 0);
    DecisionPlot plot =
        DecisionPlot.of(
            "x1 > 0", x, y, List.of("negative", "positive"),
            Prediction.classes((x1, x2) -> x1 > 0 ? 1 : 0));

    Figure figure = Figures.standard().decisionBoundary(plot);
    BufferedImage image = Png.roundTrip(figure, directory, "halves.png", 800, 500);

    int[][] f = familiesAlongMiddleRow(image);
    assertTrue(f[0][0] > 200, "blue pixels on the middle row: " + f[0][0]);
    assertTrue(f[1][0] > 200, "orange pixels on the middle row: " + f[1][0]);
    assertTrue(f[0][2] < f[1][1], "all blue (x ≤ " + f[0][2] + ") left of all orange (x ≥ "
        + f[1][1] + ")");
    assertEquals(0, f[2][0], "no third colour");
    assertEquals(List.of(), figure.notes());
  }

  @Test
  void theBoundaryIsWhereTheProbabilityCrossesOneHalf() {
    double[][] x = lattice();
    int[] y = labels(x, p -> p[0] > 1 ? 1 : 0);
    // the box is [−2.4, 2.4] in x1: the boundary x1 = 1 sits at 71% of the plot width
    DecisionPlot plot =
        DecisionPlot.of(
            "logistic", x, y, List.of("0", "1"),
            Prediction.probability((x1, x2) -> 1 / (1 + Math.exp(-4 * (x1 - 1)))));

    BufferedImage image =
        Png.roundTrip(Figures.standard().decisionBoundary(plot), directory, "p.png", 800, 500);

    int[][] f = familiesAlongMiddleRow(image);
    int left = f[0][1];
    int right = f[1][2];
    double boundary = (f[0][2] + f[1][1]) / 2.0;
    double share = (boundary - left) / (right - left);
    assertEquals(3.4 / 4.8, share, 0.02, "boundary position across the plot");
  }

  @Test
  void threeClassesInBandsAppearInOrder() {
    double[][] x = lattice();
    int[] y = labels(x, p -> p[0] < -0.75 ? 0 : p[0] < 0.75 ? 1 : 2);
    DecisionPlot plot =
        DecisionPlot.of(
            "bands", x, y, List.of("left", "middle", "right"),
            Prediction.batch(points -> {
              double[][] out = new double[points.length][3];
              for (int i = 0; i < points.length; i++) {
                double x1 = points[i][0];
                out[i][x1 < -0.75 ? 0 : x1 < 0.75 ? 1 : 2] = 1;
              }
              return out;
            }));

    BufferedImage image =
        Png.roundTrip(Figures.standard().decisionBoundary(plot), directory, "bands.png", 800, 500);

    int[][] f = familiesAlongMiddleRow(image);
    for (int c = 0; c < 3; c++) {
      assertTrue(f[c][0] > 100, "class " + c + " pixels: " + f[c][0]);
    }
    assertTrue(f[0][2] < f[1][1] && f[1][2] < f[2][1], "blue, then orange, then green");
  }

  @Test
  void nanPredictionsLeaveGreyCellsAndANote() {
    double[][] x = lattice();
    int[] y = labels(x, p -> p[0] > 0 ? 1 : 0);
    // NaN on the upper half: grid rows j ≥ 100 of 200 have x2 > 0
    DecisionPlot plot =
        DecisionPlot.of(
            "diverged", x, y, List.of("0", "1"),
            Prediction.probability((x1, x2) -> x2 > 0 ? Double.NaN : x1 > 0 ? 0.9 : 0.1));

    Figure figure = Figures.standard().decisionBoundary(plot);

    assertEquals(
        List.of("prediction was NaN at 20000 of 40000 grid points; those parts of the plane are"
            + " grey"),
        figure.notes());
    BufferedImage image = Png.roundTrip(figure, directory, "nan.png", 800, 500);
    assertTrue(Png.count(image, 0xd9d9d9) > 50_000, "grey upper half");
  }

  @Test
  void examplesWithNonFiniteFeaturesAreNoted() {
    double[][] x = {{0, 0}, {1, Double.NaN}, {1, 1}, {-1, -1}};
    DecisionPlot plot =
        DecisionPlot.of(
            "t", x, new int[] {0, 1, 1, 0}, List.of("a", "b"), Prediction.classes((p, q) -> 0));

    assertEquals(
        List.of("1 of 4 examples not drawn (non-finite feature, first at example 1)"),
        Figures.standard().decisionBoundary(plot).notes());
  }

  @Test
  void theDefaultBoxPadsTheDataByATenthOfItsSpan() {
    double[][] x = {{0, 10}, {4, 30}};
    DecisionPlot plot =
        DecisionPlot.of(
            "t", x, new int[] {0, 1}, List.of("a", "b"), Prediction.classes((p, q) -> 0));

    assertEquals(new Box(-0.4, 4.4, 8, 32), plot.box());
  }

  @Test
  void aClassOutOfRangeIsRejected() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b"), Prediction.classes((p, q) -> 2))
            .withBox(new Box(0, 1, 0, 1))
            .withResolution(10);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Figures.standard().decisionBoundary(plot));
    assertEquals(
        "prediction at (0.0, 0.0) = class 2: must be in [0, 2) for 2 class names", e.getMessage());
  }

  @Test
  void aProbabilityOutOfRangeIsRejected() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b"),
            Prediction.probability((p, q) -> 1.5))
            .withBox(new Box(0, 1, 0, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Figures.standard().decisionBoundary(plot));
    assertEquals(
        "prediction at (0.0, 0.0) = 1.5: a probability must be in [0, 1] (or NaN where the model"
            + " has none)",
        e.getMessage());
  }

  @Test
  void aBinaryProbabilityNeedsTwoClasses() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b", "c"),
            Prediction.probability((p, q) -> 0.5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Figures.standard().decisionBoundary(plot));
    assertEquals(
        "Prediction.probability gives P(class 1) of a binary classifier, but the plot has 3"
            + " classes; use Prediction.batch with 3 columns or Prediction.classes",
        e.getMessage());
  }

  @Test
  void batchProbabilitiesMustSumToOne() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b"),
            Prediction.batch(points -> {
              double[][] logits = new double[points.length][];
              for (int i = 0; i < points.length; i++) {
                logits[i] = new double[] {0.25, 0.25};
              }
              return logits;
            }))
            .withBox(new Box(0, 1, 0, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Figures.standard().decisionBoundary(plot));
    assertEquals(
        "batch prediction at (0.0, 0.0): probabilities sum to 0.5: must sum to 1; pass softmax"
            + " outputs, not logits",
        e.getMessage());
  }

  @Test
  void batchMustAnswerEveryGridPoint() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b"),
            Prediction.batch(points -> new double[3][1]))
            .withResolution(10);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Figures.standard().decisionBoundary(plot));
    assertEquals(
        "batch prediction returned 3 rows for 100 points; need one row per point",
        e.getMessage());
  }

  @Test
  void labelsMustBeClassIndices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DecisionPlot.of(
                "t", new double[][] {{0, 0}}, new int[] {3}, List.of("a", "b"),
                Prediction.classes((p, q) -> 0)));
    assertEquals(
        "decision plot 't': label of example 0 = 3: must be a class index in [0, 2)",
        e.getMessage());
  }

  @Test
  void featuresMustBePairs() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DecisionPlot.of(
                "t", new double[][] {{0, 0}, {1, 2, 3}}, new int[] {0, 1}, List.of("a", "b"),
                Prediction.classes((p, q) -> 0)));
    assertEquals(
        "decision plot 't': example 1 has 3 features; need exactly 2 (x1, x2) per row",
        e.getMessage());
  }

  @Test
  void resolutionIsChecked() {
    DecisionPlot plot =
        DecisionPlot.of(
            "t", lattice(), new int[81], List.of("a", "b"), Prediction.classes((p, q) -> 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plot.withResolution(5));
    assertEquals(
        "decision plot 't': resolution = 5: must be in [10, 1000] grid points per side",
        e.getMessage());
  }
}
