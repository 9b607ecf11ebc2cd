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

class SurfaceFigureTest {
  @TempDir Path directory;

  /** Gradient descent on f = x² − y² from (x, y): w ← w − lr·∇f. */
  private static Series descent(String name, double x, double y, double lr, int steps) {
    double[] xs = new double[steps + 1];
    double[] ys = new double[steps + 1];
    xs[0] = x;
    ys[0] = y;
    for (int t = 1; t <= steps; t++) {
      xs[t] = xs[t - 1] - lr * 2 * xs[t - 1];
      ys[t] = ys[t - 1] + lr * 2 * ys[t - 1];
    }
    return new Series(name, xs, ys);
  }

  @Test
  void pathsOverASaddle() {
    SurfacePlot plot =
        SurfacePlot.of("Saddle", new Box(-2, 2, -2, 2), (x, y) -> x * x - y * y)
            .path(descent("gd", 1.8, 0.01, 0.05, 60))
            .path(descent("gd, other start", 1.8, -0.3, 0.05, 20));

    Figure figure = Figures.standard().surface(plot);
    BufferedImage image = Png.roundTrip(figure, directory, "saddle.png", 800, 500);

    assertEquals(List.of(), figure.notes());
    assertTrue(Png.distinctColours(image) > 200, "a colour map");
    assertTrue(Png.count(image, 0x1f77b4) > 100, "first path in blue");
    assertTrue(Png.count(image, 0xff7f0e) > 50, "second path in orange");
  }

  @Test
  void rosenbrockOnALogScale() {
    SurfacePlot plot =
        SurfacePlot.of(
                "Rosenbrock", new Box(-2, 2, -1, 3),
                (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x))
            .withScale(Axis.Scale.LOG)
            .path(new Series("by hand", new double[] {-1.5, 0, 1}, new double[] {2.5, 0, 1}));

    Png.roundTrip(Figures.standard().surface(plot), directory, "rosenbrock.png", 800, 500);
  }

  @Test
  void nonFiniteValuesOfFAndOfPathsAreNoted() {
    // log x is NaN for the 100 grid columns with x < 0 (x never hits 0 on a 200-point grid)
    SurfacePlot plot =
        SurfacePlot.of("log", new Box(-1, 1, -1, 1), (x, y) -> Math.log(x) + y)
            .path(new Series("p", new double[] {0.5, Double.NaN, 0.2}, new double[] {0, 0, 0}));

    Figure figure = Figures.standard().surface(plot);

    assertEquals(
        List.of(
            "f was not finite at 20000 of 40000 grid points; those parts of the plane are grey",
            "path 'p': 1 of 3 points not drawn (1 non-finite, first at step 1)"),
        figure.notes());
    BufferedImage image = Png.roundTrip(figure, directory, "log.png", 800, 500);
    assertTrue(Png.count(image, 0xd9d9d9) > 50_000, "grey left half");
  }

  @Test
  void aFlatFunctionStillDraws() {
    SurfacePlot plot = SurfacePlot.of("plateau", new Box(0, 1, 0, 1), (x, y) -> 3);

    Png.roundTrip(Figures.standard().surface(plot), directory, "flat.png", 800, 500);
  }

  @Test
  void logColourBarTicksAreDecadesAboveTheMinimum() {
    SurfacePlot plot =
        SurfacePlot.of("r", new Box(0, 1, 0, 1), (x, y) -> 1000 * (x + y) / 2)
            .withScale(Axis.Scale.LOG)
            .withResolution(11);
    Surface surface = Surface.evaluate(plot, new Grid(plot.box(), plot.resolution()), List.of());

    assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000}, surface.ticks(), 1e-12);
    assertEquals(1, surface.shadeOf(1000), 1e-12);
    assertEquals(0, surface.shadeOf(0), 1e-12);
  }

  @Test
  void pathsMayNotTakeTheMarkersNames() {
    SurfacePlot plot = SurfacePlot.of("s", new Box(0, 1, 0, 1), (x, y) -> x);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> plot.path(Series.of("start", new double[] {1})));
    assertEquals(
        "surface plot 's': path name 'start' is used twice or is one of the legend's own entries"
            + " 'start' and 'end'; legend names must be unique",
        e.getMessage());
  }

  @Test
  void boxNeedsAnInterval() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Box(1, 1, 0, 1));
    assertEquals("box x range [1.0, 1.0]: needs finite xMin < xMax", e.getMessage());
  }

  @Test
  void aPathAlongAnEarlierOneIsNamedAsFollowingIt() {
    Box box = new Box(-2, 2, -1, 3);
    double[] t = new double[200];
    double[] x = new double[200];
    double[] y = new double[200];
    double[] xFaster = new double[50];
    double[] yFaster = new double[50];
    for (int i = 0; i < 200; i++) {
      t[i] = -1.5 + 2.5 * i / 199.0;
      x[i] = t[i];
      y[i] = t[i] * t[i];
    }
    for (int i = 0; i < 50; i++) {
      xFaster[i] = x[4 * i];
      yFaster[i] = y[4 * i] + 0.01;
    }
    Drawable gd = new Drawable("gd (not converged 20000)", x, y);
    Drawable adam = new Drawable("adam (converged 14670)", xFaster, yFaster);
    double[] across = new double[50];
    for (int i = 0; i < 50; i++) {
      across[i] = 2.5 - 0.05 * i;
    }
    Drawable other = new Drawable("rmsprop", xFaster, across);

    assertEquals("gd (not converged 20000)", SurfaceRenderer.followsPath(adam, List.of(gd), box));
    assertEquals(null, SurfaceRenderer.followsPath(other, List.of(gd), box));
  }
}
