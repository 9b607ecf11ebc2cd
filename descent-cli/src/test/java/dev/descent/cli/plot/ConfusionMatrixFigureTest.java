package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixFigureTest {
  @TempDir Path directory;

  /** Colormap.BLUES at 1 (a cell holding its whole row) and at 0 (an empty cell). */
  private static final int DARKEST = 0x084594;
  private static final int LIGHTEST = 0xf7fbff;

  @Test
  void aPerfectClassifierHasDarkDiagonalAndPaleOffDiagonalCells() {
    ConfusionPlot plot =
        new ConfusionPlot("Dev set", List.of("not cat", "cat"), new long[][] {{40, 0}, {0, 60}});

    BufferedImage image =
        Png.roundTrip(Figures.standard().confusionMatrix(plot), directory, "cm.png", 800, 500);

    int dark = Png.count(image, DARKEST);
    int pale = Png.count(image, LIGHTEST);
    assertTrue(dark > 2 * 150 * 150, "two dark cells, " + dark + " pixels");
    assertTrue(pale > 2 * 150 * 150, "two pale cells, " + pale + " pixels");
    assertTrue(Png.distinctColours(image) > 20, "text, colour bar and cells");
  }

  @Test
  void tenClassesWithLongNamesFitTheFigure() {
    long[][] counts = new long[10][10];
    String[] names = new String[10];
    for (int t = 0; t < 10; t++) {
      names[t] = "class number " + t;
      for (int p = 0; p < 10; p++) {
        counts[t][p] = t == p ? 90 : t + p;
      }
    }
    ConfusionPlot plot = new ConfusionPlot("Digits", List.of(names), counts);

    BufferedImage image =
        Png.roundTrip(Figures.standard().confusionMatrix(plot), directory, "ten.png", 800, 500);

    assertTrue(Png.distinctColours(image) > 20);
  }

  @Test
  void countsFromLabels() {
    ConfusionPlot plot =
        ConfusionPlot.fromLabels(
            "t",
            List.of("a", "b", "c"),
            new int[] {0, 0, 1, 2, 2, 2},
            new int[] {0, 1, 1, 2, 0, 2});

    assertArrayEquals(
        new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}}, plot.counts());
    assertEquals(6, plot.total());
    assertEquals(4, plot.correct());
  }

  @Test
  void countsMustBeSquare() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfusionPlot("t", List.of("a", "b"), new long[][] {{1, 2}, {3}}));
    assertEquals("confusion matrix 't': row 1 has 1 counts; need 2", e.getMessage());
  }

  @Test
  void countsMustBeNonNegative() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfusionPlot("t", List.of("a", "b"), new long[][] {{1, 2}, {-3, 4}}));
    assertEquals("confusion matrix 't': count [1][0] = -3: must be ≥ 0", e.getMessage());
  }

  @Test
  void rowsMustMatchTheClassNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfusionPlot("t", List.of("a", "b", "c"), new long[][] {{1, 2}, {3, 4}}));
    assertEquals(
        "confusion matrix 't': 2 rows of counts for 3 class names; need 3 × 3", e.getMessage());
  }

  @Test
  void predictionsMustBeClassIndices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConfusionPlot.fromLabels("t", List.of("a", "b"), new int[] {0, 1},
                new int[] {0, 2}));
    assertEquals(
        "confusion matrix 't': prediction of example 1 = 2: must be a class index in [0, 2)",
        e.getMessage());
  }
}
