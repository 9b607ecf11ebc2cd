package dev.descent.data;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationGoldenTest {

  @Test
  void standardizerFitsOnTrainAndAppliesUnchangedToTest() {
    JsonNode g = Golden.load("normalization.json");
    Matrix train = Golden.matrix(g.get("train"), Precision.F64);
    Matrix test = Golden.matrix(g.get("test"), Precision.F64);
    Standardizer s = Standardizer.fit(train);
    assertClose(Golden.matrix(g.get("mean"), Precision.F64), Matrix.of(Precision.F64, 1, 3, s.mean()), 1e-12, "mean");
    assertClose(Golden.matrix(g.get("std"), Precision.F64), Matrix.of(Precision.F64, 1, 3, s.std()), 1e-12, "std");
    assertClose(Golden.matrix(g.get("train_normalized"), Precision.F64), s.apply(train), 1e-10, "train");
    assertClose(Golden.matrix(g.get("test_normalized"), Precision.F64), s.apply(test), 1e-10, "test");
  }

  /** A set that is not resident is fitted in chunks merged by Chan's formula: the same statistics to 1e-12. */
  @Test
  void chunkedStreamingFitMatchesTheGoldenStatistics() {
    JsonNode g = Golden.load("normalization.json");
    Matrix train = Golden.matrix(g.get("train"), Precision.F64);
    Standardizer whole = Standardizer.fit(train);
    for (int chunk = 1; chunk <= train.rows(); chunk++) {
      Standardizer s = Standardizer.fit(streamed(train), chunk);
      assertClose(Golden.matrix(g.get("mean"), Precision.F64), Matrix.of(Precision.F64, 1, 3, s.mean()), 1e-12, "mean, chunks of " + chunk);
      assertClose(Golden.matrix(g.get("std"), Precision.F64), Matrix.of(Precision.F64, 1, 3, s.std()), 1e-12, "std, chunks of " + chunk);
      for (int j = 0; j < 3; j++) {
        assertEquals(whole.mean()[j], s.mean()[j], 1e-12 * Math.abs(whole.mean()[j]), "mean " + j + ", chunks of " + chunk);
        assertEquals(whole.std()[j], s.std()[j], 1e-12 * whole.std()[j], "std " + j + ", chunks of " + chunk);
      }
    }
    assertArrayEquals(whole.mean(), Standardizer.fit(streamed(train), train.rows()).mean(), 0, "one chunk is the whole fit");
  }

  @Test
  void hugeColumnsStreamWithoutOverflow() {
    Matrix x = Matrix.of(Precision.F64, 4, 2, new double[] {1, 1, -1e308, 2, 1e308, 3, -1, 4});
    Standardizer s = Standardizer.fit(streamed(x), 1);
    assertEquals(0, s.mean()[0], 1e293);
    assertEquals(Math.sqrt(0.5) * 1e308, s.std()[0], 1e294);
    assertEquals(2.5, s.mean()[1], 1e-15);
    assertEquals(Math.sqrt(1.25), s.std()[1], 1e-15);
  }

  @Test
  void aStreamedValueThatIsNotFiniteIsNamed() {
    Matrix x = Matrix.of(Precision.F64, 3, 2, new double[] {1, 2, 3, Double.NaN, 5, 6});
    dev.descent.DescentException e = assertThrows(dev.descent.DescentException.class, () -> Standardizer.fit(streamed(x), 2));
    assertEquals("t: example 2 of the training set, feature 2: value NaN is not a finite number", e.getMessage());
  }

  /** The rows of {@code x} as a set that is not a {@link Dataset}, so the streaming path runs. */
  private static Examples streamed(Matrix x) {
    Dataset d = new Dataset("t", x, Matrix.zeros(Precision.F64, x.rows(), 1), List.of(), Dataset.numberedFeatures(x.cols()));
    return new Examples() {
      public String name() { return d.name(); }
      public int size() { return d.size(); }
      public int featureCount() { return d.featureCount(); }
      public int targetCount() { return 1; }
      public List<String> classNames() { return List.of(); }
      public List<String> featureNames() { return d.featureNames(); }
      public int label(int position) { return 0; }
      public void gather(int[] positions, int from, int count, Matrix xs, Matrix ys) { d.gather(positions, from, count, xs, ys); }
    };
  }

  /** Columns near the largest double would overflow (x − μ)² and the sums: they are fitted scaled. */
  @Test
  void hugeColumnsStandardizeWithoutOverflow() {
    Matrix x = Matrix.of(Precision.F64, 4, 2, new double[] {1e308, 1, -1e308, 2, 1e308, 3, -1e308, 4});
    Standardizer s = Standardizer.fit(x);
    assertEquals(0, s.mean()[0], 0);
    assertEquals(1e308, s.std()[0], 1e293);
    assertEquals(2.5, s.mean()[1], 0);
    assertEquals(Math.sqrt(1.25), s.std()[1], 1e-15);
    Matrix z = s.apply(x);
    assertArrayEquals(new double[] {1, -1, 1, -1}, new double[] {z.get(0, 0), z.get(1, 0), z.get(2, 0), z.get(3, 0)}, 1e-12);
    // a huge mean with values of the other sign: no ∞ from x − μ
    Matrix shifted = Matrix.of(Precision.F64, 2, 1, new double[] {1.5e308, 1.7e308});
    Matrix w = Standardizer.fit(shifted).apply(Matrix.of(Precision.F64, 1, 1, new double[] {-1.7e308}));
    assertEquals(-33, w.get(0, 0), 1e-9);
  }

  @Test
  void miniBatchSizesMatchGolden() {
    for (JsonNode c : Golden.load("minibatches.json").get("cases")) {
      int m = c.get("m").asInt();
      int batch = c.get("batch_size").asInt();
      int[] expected = new int[c.get("sizes").size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = c.get("sizes").get(i).asInt();
      }
      assertArrayEquals(expected, MiniBatches.sizes(m, batch), "m=" + m + " batch=" + batch);
      MiniBatches mb = new MiniBatches(m, batch, Rng.of(1));
      int[] sizes = new int[mb.count()];
      for (int b = 0; b < sizes.length; b++) {
        sizes[b] = mb.size(b);
      }
      assertArrayEquals(expected, sizes, "iterated sizes, m=" + m);
    }
  }

  @Test
  void shuffleIsAPermutationAndSeeded() {
    MiniBatches a = new MiniBatches(100, 10, Rng.of(7));
    MiniBatches b = new MiniBatches(100, 10, Rng.of(7));
    a.shuffle();
    b.shuffle();
    assertArrayEquals(a.order(), b.order());
    int[] sorted = a.order().clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 100; i++) {
      assertEquals(i, sorted[i]);
    }
  }

  @Test
  void splitByRatiosIsSeededAndExhaustive() {
    Matrix x = Matrix.zeros(Precision.F64, 300, 1);
    int[] labels = new int[300];
    for (int i = 0; i < 300; i++) {
      x.set(i, 0, i);
      labels[i] = i % 2;
    }
    Dataset d = Dataset.classification("d", x, labels, Dataset.numberedClasses(2), List.of("x"));
    Split s = Split.byRatios(d, new double[] {60, 20, 20}, Rng.of(1));
    assertEquals(180, s.train().size());
    assertEquals(60, s.dev().size());
    assertEquals(60, s.test().size());
    Split again = Split.byRatios(d, new double[] {60, 20, 20}, Rng.of(1));
    assertEquals(s.train().features(), again.train().features());
    double sum = 0;
    for (Dataset part : List.of(s.train(), s.dev(), s.test())) {
      for (int i = 0; i < part.size(); i++) {
        sum += part.features().get(i, 0);
      }
    }
    assertEquals(299 * 300 / 2.0, sum);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Split.byRatios(d, new double[] {0, 50, 50}, Rng.of(1)));
    assertEquals("split [0.0, 50.0, 50.0]: the train ratio must be positive", e.getMessage());
  }
}
