package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyFigureTest {
  @TempDir Path directory;

  private static double[] decay(int n, double scale, double floor) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 0.7 * Math.exp(-i / scale) + floor;
    }
    return y;
  }

  @Test
  void costCurvesOnLogAxisAreWrittenAtTheDefaultSize() {
    XyPlot plot =
        XyPlot.of("Cost per epoch", Axis.linear("epoch"), Axis.log("cost"))
            .line(Series.of("gd", decay(200, 150, 0.05)))
            .line(Series.of("momentum", decay(200, 50, 0.01)))
            .line(Series.of("adam", decay(200, 15, 1e-4)));
    Figure figure = Figures.standard().xy(plot);

    BufferedImage image = Png.roundTrip(figure, directory, "cost.png", 800, 500);

    assertTrue(Png.distinctColours(image) > 50, "anti-aliased curves in three colours");
    assertTrue(Png.count(image, 0xffffff) > 200_000, "white background");
    assertEquals(List.of(), figure.notes());
    assertEquals("true", System.getProperty("java.awt.headless"), "set before AWT starts");
    assertTrue(GraphicsEnvironment.isHeadless());
  }

  @Test
  void eachPaletteColourOfTheCurvesIsDrawn() {
    XyPlot plot =
        XyPlot.of("", Axis.linear("x"), Axis.linear("y"))
            .line(Series.of("a", new double[] {1, 2, 3}))
            .line(Series.of("b", new double[] {3, 2, 1}));
    BufferedImage image = Png.read(Figures.ofSize(400, 300).xy(plot).pngBytes());

    assertEquals(400, image.getWidth());
    assertEquals(300, image.getHeight());
    assertTrue(Png.count(image, 0x1f77b4) > 50, "first series in tab10 blue");
    assertTrue(Png.count(image, 0xff7f0e) > 50, "second series in tab10 orange");
  }

  @Test
  void pngBytesAreTheSamePictureAsTheFile() {
    Figure figure =
        Figures.standard()
            .xy(XyPlot.of("t", Axis.linear("x"), Axis.linear("y"))
                .dots(Series.of("d", new double[] {1, 4, 9, 16})));
    BufferedImage fromFile = Png.roundTrip(figure, directory, "d.png", 800, 500);
    BufferedImage fromBytes = Png.read(figure.pngBytes());

    for (int y = 0; y < 500; y += 7) {
      for (int x = 0; x < 800; x += 7) {
        assertEquals(fromFile.getRGB(x, y), fromBytes.getRGB(x, y), "pixel " + x + ", " + y);
      }
    }
  }

  @Test
  void nonFiniteAndNonPositivePointsAreLeftOutAndNoted() {
    double[] cost = decay(20, 5, 0.01);
    cost[11] = Double.NaN;
    cost[12] = Double.POSITIVE_INFINITY;
    cost[3] = 0;
    XyPlot plot =
        XyPlot.of("Cost", Axis.linear("epoch"), Axis.log("cost"))
            .line(Series.of("sgd", cost))
            .line(Series.of("adam", decay(20, 3, 0.001)));

    Figure figure = Figures.standard().xy(plot);

    assertEquals(
        List.of(
            "series 'sgd': 3 of 20 points not drawn (2 non-finite, first at x = 12;"
                + " 1 y ≤ 0 on the log y axis, first at x = 4)"),
        figure.notes());
    Png.roundTrip(figure, directory, "gaps.png", 800, 500);
  }

  @Test
  void aSeriesWithNothingDrawableIsNotedAndTheRestIsDrawn() {
    XyPlot plot =
        XyPlot.of("Cost", Axis.linear("epoch"), Axis.linear("cost"))
            .line(Series.of("diverged", new double[] {Double.NaN, Double.NaN}))
            .line(Series.of("fine", new double[] {1, 0.5}));

    Figure figure = Figures.standard().xy(plot);

    assertEquals(
        List.of("series 'diverged': 2 of 2 points not drawn (2 non-finite, first at x = 1)"),
        figure.notes());
  }

  @Test
  void learningRateRangeTestDrawsTheSuggestedRateAsAVerticalLine() {
    int n = 100;
    double[] lr = new double[n];
    double[] loss = new double[n];
    for (int i = 0; i < n; i++) {
      lr[i] = 1e-6 * Math.pow(10, 7.0 * i / (n - 1));
      loss[i] = 0.7 - 0.5 / (1 + Math.exp(-3 * (Math.log10(lr[i]) + 3.5)));
    }
    XyPlot plot = XyPlot.lrRangeTest(lr, loss, 3e-3);
    assertEquals("suggested 0.003", plot.verticalLines().get(0).label());

    BufferedImage image = Png.roundTrip(Figures.standard().xy(plot), directory, "lr.png", 800, 500);

    int tallest = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      int dark = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        int rgb = image.getRGB(x, y);
        dark += Png.red(rgb) < 80 && Png.green(rgb) < 80 && Png.blue(rgb) < 80 ? 1 : 0;
      }
      tallest = Math.max(tallest, dark);
    }
    assertTrue(tallest > 150, "a dashed dark vertical line, found columns of " + tallest);
  }

  @Test
  void bestSoFarIsAStaircaseFromTheFirstFiniteTrial() {
    XyPlot plot =
        XyPlot.metricByTrial(
            "dev accuracy", new double[] {0, 1, 2, 3, 4}, new double[] {Double.NaN, 0.5, 0.4, 0.7, Double.NaN},
            Goal.MAXIMIZE);

    Series best = plot.lines().get(0);
    assertEquals("best so far", best.name());
    assertArrayEquals(new double[] {1, 2, 3, 3, 4}, best.x());
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.7, 0.7}, best.y());
    assertEquals(
        List.of("series 'trial': 2 of 5 points not drawn (2 non-finite, first at x = 0)"),
        Figures.standard().xy(plot).notes());
  }

  @Test
  void bestSoFarOfACostIsTheLowest() {
    XyPlot plot = XyPlot.metricByTrial("cost", new double[] {0, 1, 2}, new double[] {3, 1, 2}, Goal.MINIMIZE);

    assertArrayEquals(new double[] {3, 3, 1, 1}, plot.lines().get(0).y());
  }

  @Test
  void metricAgainstAParameterOnALogAxis() {
    double[] lr = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    double[] accuracy = {0.7, 0.85, 0.93, 0.9, Double.NaN};
    XyPlot plot = XyPlot.metricVsParameter("dev accuracy", Axis.log("learning rate"), lr, accuracy);

    Figure figure = Figures.standard().xy(plot);

    assertEquals("dev accuracy vs learning rate", plot.title());
    assertEquals(
        List.of("series 'trials': 1 of 5 points not drawn (1 non-finite, first at x = 1)"),
        figure.notes());
    BufferedImage image = Png.roundTrip(figure, directory, "hp.png", 800, 500);
    assertTrue(Png.distinctColours(image) > 10);
  }

  @Test
  void ewaCurvesOverRawDots() {
    double[] raw = new double[365];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = 12 - 10 * Math.cos(2 * Math.PI * i / 365) + 4 * Math.sin(i * 1.7);
    }
    XyPlot plot =
        XyPlot.of("EWA", Axis.linear("day"), Axis.linear("°C"))
            .dots(Series.of("raw", raw))
            .line(Series.of("β = 0.9", dev.descent.optim.Ewa.series(raw, 0.9, true)));

    BufferedImage image =
        Png.roundTrip(Figures.standard().xy(plot), directory, "ewa.png", 800, 500);

    assertTrue(Png.count(image, 0xff7f0e) > 100, "the average in orange, over blue dots");
  }

  @Test
  void aHundredThousandPointsAreDrawn() {
    double[] cost = new double[100_000];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = 1.0 / (1 + i * 1e-3) + 0.05 * Math.sin(i);
    }
    XyPlot plot = XyPlot.of("Mini-batch cost", Axis.linear("step"), Axis.linear("cost"))
        .line(Series.of("cost", cost));

    Png.roundTrip(Figures.standard().xy(plot), directory, "long.png", 800, 500);
  }

  @Test
  void anEmptyPlotIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Figures.standard().xy(XyPlot.of("Cost", Axis.linear("x"), Axis.linear("y"))));
    assertEquals("plot 'Cost' has nothing to draw; add a line or dots", e.getMessage());
  }

  @Test
  void legendNamesMustBeUnique() {
    XyPlot plot = XyPlot.of("Cost", Axis.linear("x"), Axis.linear("y"))
        .line(Series.of("adam", new double[] {1}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> plot.dots(Series.of("adam", new double[] {2})));
    assertEquals(
        "plot 'Cost': name 'adam' is used twice; legend names must be unique", e.getMessage());
  }

  @Test
  void aVerticalLineOnALogAxisMustBePositive() {
    XyPlot plot = XyPlot.of("LR", Axis.log("lr"), Axis.linear("loss"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plot.verticalLine(0, "zero"));
    assertEquals(
        "plot 'LR': vertical line 'zero' at x = 0.0 cannot be drawn on the log x axis;"
            + " x must be > 0",
        e.getMessage());
  }

  @Test
  void seriesNeedsMatchingLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Series("adam", new double[] {1, 2}, new double[] {1}));
    assertEquals(
        "series 'adam': x has 2 values but y has 1; they must have the same length",
        e.getMessage());
  }

  @Test
  void seriesNeedsAName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Series.of(" ", new double[] {1}));
    assertEquals(
        "series name = ' ': must be a non-blank label for the legend", e.getMessage());
  }

  @Test
  void seriesNeedsAPoint() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Series.of("adam", new double[0]));
    assertEquals("series 'adam': has no points; need at least 1", e.getMessage());
  }

  @Test
  void seriesIsACopy() {
    double[] y = {1, 2};
    Series s = Series.of("a", y);
    y[0] = 99;
    s.y()[1] = 99;

    assertArrayEquals(new double[] {1, 2}, s.y());
    assertArrayEquals(new double[] {1, 2}, s.x());
  }

  @Test
  void figureSizeIsChecked() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Figures.ofSize(100, 500));
    assertEquals("figure width = 100 pixels: must be in [200, 4000]", e.getMessage());
  }

  @Test
  void nullSeriesAreRejected() {
    List<Series> lines = new java.util.ArrayList<>();
    lines.add(null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new XyPlot("Cost", Axis.linear("x"), Axis.linear("y"), List.of(), lines,
                List.of(), XyPlot.Markers.AUTO, List.of(), java.util.Map.of()));
    assertEquals("plot 'Cost': lines contain null; remove it", e.getMessage());
  }

  @Test
  void aSeriesKeepsItsColourWhenAnEarlierOneHasNothingToDraw() {
    XyPlot plot =
        XyPlot.of("", Axis.linear("x"), Axis.linear("y"))
            .line(Series.of("diverged", new double[] {Double.NaN, Double.NaN}))
            .line(Series.of("fine", new double[] {1, 3, 2}));

    BufferedImage image = Png.read(Figures.standard().xy(plot).pngBytes());

    assertTrue(Png.count(image, 0xff7f0e) > 100, "second series stays orange");
    assertEquals(0, Png.count(image, 0x1f77b4), "nothing in the first series' blue");
  }

  @Test
  void aPlotWithNothingDrawableStillDrawsItsAxesAndSaysWhy() {
    XyPlot plot =
        XyPlot.of("Cost", Axis.linear("epoch"), Axis.log("cost"))
            .line(Series.of("diverged", new double[] {Double.NaN, -1}));

    Figure figure = Figures.standard().xy(plot);

    assertEquals(
        List.of(
            "series 'diverged': 2 of 2 points not drawn (1 non-finite, first at x = 1;"
                + " 1 y ≤ 0 on the log y axis, first at x = 2)",
            "plot 'Cost': no series has a point that can be drawn"),
        figure.notes());
    Png.roundTrip(figure, directory, "empty.png", 800, 500);
  }

  @Test
  void aChoiceGetsACategoricalAxisLabelledByName() {
    List<String> names = List.of("5-2", "10-5", "20-7");
    assertEquals("10-5", XyRenderer.category(names, 1.0));
    assertEquals("5-2", XyRenderer.category(names, 1e-9));
    // between categories and outside them: invisible labels, each different (XChart drops equal ones)
    String half = XyRenderer.category(names, 0.5);
    String outside = XyRenderer.category(names, 2.5);
    assertEquals("", half.replace("\u200B", ""));
    assertEquals("", outside.replace("\u200B", ""));
    assertTrue(!half.equals(outside));
    XyPlot plot = XyPlot.of("dev accuracy vs hidden", Axis.categorical("hidden", names), Axis.linear("dev accuracy"))
        .dots(new Series("trials", new double[] {-0.2, 0.1, 1, 2.25}, new double[] {0.7, 0.8, 0.9, 0.85}));
    BufferedImage image = Png.roundTrip(Figures.standard().xy(plot), directory, "categorical.png", 800, 500);
    assertTrue(Png.distinctColours(image) > 10);
  }

  @Test
  void aLogAxisWithTwoPowersOfTenInsideLabelsOnlyThePowers() {
    assertEquals(2, XyRenderer.powersOfTen(new double[] {0.0025, 0.2}));
    assertEquals(1, XyRenderer.powersOfTen(new double[] {0.055, 0.7}));
    assertEquals(0, XyRenderer.powersOfTen(new double[] {2, 9}));
    assertEquals(3, XyRenderer.powersOfTen(new double[] {1, 100}));
  }

  @Test
  void aNoteSaysWhatIsNotDrawn() {
    XyPlot plot = XyPlot.of("Cost", Axis.linear("epoch"), Axis.log("cost"))
        .line(Series.of("batch norm", new double[] {0.9, 0.5, 0.3}))
        .withNote("plain: no finite cost to draw (diverged in its first epoch)");
    assertEquals(List.of("plain: no finite cost to draw (diverged in its first epoch)"), plot.notes());
    BufferedImage image = Png.roundTrip(Figures.standard().xy(plot), directory, "note.png", 800, 500);
    // the note's grey text under the title
    int grey = 0;
    for (int x = 200; x < 600; x++) {
      for (int y = 50; y < 75; y++) {
        int rgb = image.getRGB(x, y);
        grey += Png.red(rgb) < 140 && Math.abs(Png.red(rgb) - Png.blue(rgb)) < 12 ? 1 : 0;
      }
    }
    assertTrue(grey > 100, "text pixels under the title: " + grey);
  }

  @Test
  void aLineStyleSetsTheColourWhateverTheLinesPlace() {
    XyPlot plot = XyPlot.of("EWA", Axis.linear("day"), Axis.linear("temperature"))
        .line(new Series("β 0.98 plain", new double[] {1, 2, 3}, new double[] {1, 2, 3}), new XyPlot.LineStyle(3, true));
    assertEquals(new XyPlot.LineStyle(3, true), plot.styles().get("β 0.98 plain"));
    BufferedImage image = Png.roundTrip(Figures.standard().xy(plot), directory, "styled.png", 800, 500);
    assertTrue(Png.count(image, 0xd62728) > 20, "red (palette 3) pixels");
    assertEquals(0, Png.count(image, 0x1f77b4), "no blue (palette 0, the first line's colour by place)");
  }
}
