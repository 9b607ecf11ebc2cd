package dev.descent.data.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

  static int[] classCounts(Dataset d) {
    int[] counts = new int[d.classCount()];
    for (int label : d.labels()) {
      counts[label]++;
    }
    return counts;
  }

  @Test
  void oneSeedGivesTheSameSetAndAnotherSeedADifferentOne() {
    for (int seed = 1; seed <= 3; seed++) {
      assertArrayEquals(Generators.moons(100, 0.2, Rng.of(seed)).features().toArray(),
          Generators.moons(100, 0.2, Rng.of(seed)).features().toArray());
      assertArrayEquals(Generators.spiral(90, 3, 0.2, Rng.of(seed)).targets().toArray(),
          Generators.spiral(90, 3, 0.2, Rng.of(seed)).targets().toArray());
      assertArrayEquals(Generators.football(100, 0.05, Rng.of(seed)).features().toArray(),
          Generators.football(100, 0.05, Rng.of(seed)).features().toArray());
    }
    assertFalse(Arrays.equals(Generators.moons(100, 0.2, Rng.of(1)).features().toArray(),
        Generators.moons(100, 0.2, Rng.of(2)).features().toArray()));
  }

  @Test
  void moonsWithoutNoiseLieOnTheTwoHalfCirclesEvenlySpaced() {
    Dataset d = Generators.moons(201, 0, Rng.of(4));
    assertEquals(201, d.size());
    assertEquals(2, d.featureCount());
    assertEquals(1, d.targets().cols());
    assertArrayEquals(new int[] {101, 100}, classCounts(d));
    double[] outerX = new double[101];
    int k = 0;
    for (int i = 0; i < d.size(); i++) {
      double x = d.features().get(i, 0);
      double y = d.features().get(i, 1);
      if (d.label(i) == 0) {
        assertEquals(1, x * x + y * y, 1e-12);
        assertTrue(y >= -1e-15);
        outerX[k++] = x;
      } else {
        assertEquals(1, (1 - x) * (1 - x) + (0.5 - y) * (0.5 - y), 1e-12);
        assertTrue(y <= 0.5 + 1e-15);
      }
    }
    Arrays.sort(outerX);
    for (int i = 0; i < 101; i++) {   // t = π·i/100 gives x = cos t, sorted ascending
      assertEquals(Math.cos(Math.PI * (100 - i) / 100), outerX[i], 1e-12);
    }
  }

  @Test
  void moonsAreShuffledNotSortedByClass() {
    int[] labels = Generators.moons(100, 0.1, Rng.of(1)).labels();
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    assertFalse(Arrays.equals(sorted, labels));
  }

  @Test
  void circlesWithoutNoiseHaveRadiusOneAndFactor() {
    Dataset d = Generators.circles(100, 0, 0.3, Rng.of(2));
    assertArrayEquals(new int[] {50, 50}, classCounts(d));
    for (int i = 0; i < d.size(); i++) {
      double r = Math.hypot(d.features().get(i, 0), d.features().get(i, 1));
      assertEquals(d.label(i) == 0 ? 1 : 0.3, r, 1e-12);
    }
  }

  @Test
  void noiseHasTheRequestedStandardDeviation() {
    Dataset d = Generators.circles(20000, 0.1, 0.5, Rng.of(3));
    double ss = 0;
    for (int i = 0; i < d.size(); i++) {
      double r = Math.hypot(d.features().get(i, 0), d.features().get(i, 1));
      double e = r - (d.label(i) == 0 ? 1 : 0.5);
      ss += e * e;
    }
    // radial error of isotropic noise ≈ N(0, 0.1²) when the radius is large against 0.1
    assertEquals(0.1, Math.sqrt(ss / d.size()), 0.005);
  }

  @Test
  void blobsAreBalancedOneHotClustersAroundCentresInTheBox() {
    Dataset d = Generators.blobs(new BlobsOptions(302, 4, 3, 0), Rng.of(5));
    assertEquals(3, d.featureCount());
    assertEquals(4, d.targets().cols());
    assertArrayEquals(new int[] {76, 76, 75, 75}, classCounts(d));
    double[][] centre = new double[4][];
    for (int i = 0; i < d.size(); i++) {
      double[] x = d.features().row(i);
      int c = d.label(i);
      if (centre[c] == null) {
        centre[c] = x;
        for (double v : x) {
          assertTrue(v >= -10 && v <= 10, "centre coordinate " + v);
        }
      }
      assertArrayEquals(centre[c], x, 0.0);   // spread 0: every point is its centre
    }
  }

  @Test
  void blobsSpreadIsTheClusterStandardDeviation() {
    Dataset d = Generators.blobs(new BlobsOptions(20000, 2, 2, 0.5), Rng.of(6));
    double[] sum = new double[2];
    double[] sumSq = new double[2];
    int[] n = new int[2];
    for (int i = 0; i < d.size(); i++) {
      int c = d.label(i);
      double x = d.features().get(i, 0);
      sum[c] += x;
      sumSq[c] += x * x;
      n[c]++;
    }
    for (int c = 0; c < 2; c++) {
      double mean = sum[c] / n[c];
      assertEquals(0.5, Math.sqrt(sumSq[c] / n[c] - mean * mean), 0.02);
    }
  }

  @Test
  void spiralArmsRunFromTheCentreToRadiusOne() {
    Dataset d = Generators.spiral(250, 5, 0, Rng.of(7));
    assertEquals(5, d.targets().cols());
    assertArrayEquals(new int[] {50, 50, 50, 50, 50}, classCounts(d));
    double[] min = {9, 9, 9, 9, 9};
    double[] max = new double[5];
    for (int i = 0; i < d.size(); i++) {
      double r = Math.hypot(d.features().get(i, 0), d.features().get(i, 1));
      min[d.label(i)] = Math.min(min[d.label(i)], r);
      max[d.label(i)] = Math.max(max[d.label(i)], r);
      // without noise the angle is 4c + 4r (x = r sin t, y = r cos t)
      double t = 4 * d.label(i) + 4 * r;
      assertEquals(r * Math.sin(t), d.features().get(i, 0), 1e-12);
      assertEquals(r * Math.cos(t), d.features().get(i, 1), 1e-12);
    }
    assertArrayEquals(new double[5], min, 1e-15);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1}, max, 1e-15);
  }

  @Test
  void flowerWithoutNoiseLiesOnTheRoseCurve() {
    Dataset d = Generators.flower(400, 0, Rng.of(8));
    assertArrayEquals(new int[] {200, 200}, classCounts(d));
    for (int i = 0; i < d.size(); i++) {
      double x = d.features().get(i, 0);
      double y = d.features().get(i, 1);
      double s = 4 * Math.sin(4 * Math.atan2(x, y));   // r = 4 sin 4t, up to the sign of r
      assertEquals(s * s, x * x + y * y, 1e-9);
    }
  }

  @Test
  void footballLabelsFollowTheCurveFarFromItExceptForTheNoiseFraction() {
    Dataset clean = Generators.football(20000, 0, Rng.of(9));
    Dataset noisy = Generators.football(20000, 0.05, Rng.of(9));
    int far = 0;
    int flipped = 0;
    for (int i = 0; i < clean.size(); i++) {
      double x1 = clean.features().get(i, 0);
      double x2 = clean.features().get(i, 1);
      assertTrue(x1 >= -0.75 && x1 < 0.45 && x2 >= -0.75 && x2 < 0.75);
      double d = x2 - (0.25 * Math.sin(5 * x1) - 0.1);
      if (Math.abs(d) > 0.8) {
        far++;
        assertEquals(d > 0 ? 1 : 0, clean.label(i), "clean label at " + x1 + ", " + x2);
        flipped += noisy.label(i) != (d > 0 ? 1 : 0) ? 1 : 0;
      }
    }
    assertTrue(far > 1000, far + " points far from the curve");
    assertEquals(0.05, (double) flipped / far, 0.015);
    assertArrayEquals(clean.features().toArray(), noisy.features().toArray());
  }

  @Test
  void namesAndFeatureNamesAreNumbered() {
    Dataset d = Generators.spiral(30, 3, 0.2, Rng.of(1));
    assertEquals("spiral", d.name());
    assertEquals(List.of("0", "1", "2"), d.classNames());
    assertEquals(List.of("x1", "x2"), d.featureNames());
  }
}
