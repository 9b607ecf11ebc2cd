package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownsampleTest {
  private static Drawable noisy(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
      y[i] = 1.0 / (1 + i * 1e-3) + 0.1 * Math.sin(i * 0.37);
    }
    return new Drawable("cost", x, y);
  }

  @Test
  void shortCurvesAreUntouched() {
    Drawable d = noisy(1600);
    assertSame(d, Downsample.minMax(d, 800));
  }

  @Test
  void aLongCurveKeepsItsEndsItsSpikeAndItsDipWithinTwoPointsPerBucket() {
    Drawable d = noisy(100_000);
    d.y()[70_000] = 25;
    d.y()[30_000] = -25;

    Drawable drawn = Downsample.minMax(d, 800);

    assertTrue(drawn.size() <= 2 * 800 + 2, "kept " + drawn.size());
    assertTrue(drawn.size() > 800, "kept " + drawn.size());
    assertEquals(1, drawn.x()[0]);
    assertEquals(100_000, drawn.x()[drawn.size() - 1]);
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < drawn.size(); i++) {
      max = Math.max(max, drawn.y()[i]);
      min = Math.min(min, drawn.y()[i]);
      if (i > 0) {
        assertTrue(drawn.x()[i] > drawn.x()[i - 1], "points stay in order at " + i);
      }
    }
    assertEquals(25, max);
    assertEquals(-25, min);
  }

  @Test
  void eachBucketKeepsItsExtremes() {
    // 4 buckets of 5: extremes at known places
    double[] y = {0, 5, 1, 2, 3, /**/ 4, 4, -1, 4, 9, /**/ 2, 2, 2, 2, 2, /**/ 7, 1, 8, 0, 3};
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }

    Drawable drawn = Downsample.minMax(new Drawable("s", x, y), 4);

    // first point, (min, max) of each bucket in order, last point
    assertEquals(
        java.util.Arrays.toString(new double[] {0, 1, 7, 9, 10, 17, 18, 19}),
        java.util.Arrays.toString(drawn.x()));
  }
}
