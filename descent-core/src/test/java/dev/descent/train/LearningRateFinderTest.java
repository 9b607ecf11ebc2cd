package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LearningRateFinderTest {
  static final Function<Schedule, GradientTransform> ADAM = lr -> Optimizers.adam(lr, 0.9, 0.999, 1e-8);
  static final int BATCH = 16;

  /** Two Gaussian blobs, σ = 0.7, around (−1, −1) (class 0) and (1, 1) (class 1): nearly separable. */
  static Dataset blobs(int m, long seed) {
    Rng rng = Rng.of(seed);
    Matrix x = Matrix.zeros(Precision.F64, m, 2);
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 2;
      double centre = labels[i] == 0 ? -1 : 1;
      x.set(i, 0, centre + 0.7 * rng.nextGaussian());
      x.set(i, 1, centre + 0.7 * rng.nextGaussian());
    }
    return Dataset.classification("blobs", x, labels, Dataset.numberedClasses(2), Dataset.numberedFeatures(2));
  }

  /** 2 → 8 relu → 1 sigmoid. */
  static Network network(long seed) {
    return Network.builder(2, Precision.F64, Rng.of(seed))
        .dense(8, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  static List<double[]> values(Network net) {
    List<double[]> out = new ArrayList<>();
    for (Variable p : net.parameters()) {
      out.add(p.value().toArray());
    }
    return out;
  }

  /**
   * Trains a copy of {@code start} at a constant rate and returns the mean mini-batch loss over
   * the run: it rewards getting low fast and staying low, and unlike the final cost it is not
   * flat over a decade of rates, so its best rate is well defined.
   */
  static double meanLossAtRate(Network start, Dataset data, double lr, int steps) {
    Network net = network(0);
    net.copyParametersFrom(start);
    Optimizer optimizer = new Optimizer(ADAM.apply(Schedule.constant(lr)), net.parameters());
    MiniBatches batches = new MiniBatches(data.size(), BATCH, Rng.of(9));
    int batch = batches.count();
    double mean = 0;
    for (int t = 0; t < steps; t++) {
      if (batch == batches.count()) {
        batches.shuffle();
        batch = 0;
      }
      Plan plan = net.plan(batches.size(batch), Mode.TRAIN);
      plan.load(data.features(), data.targets(), batches.order(), batches.start(batch++));
      double loss = plan.step();
      mean += (Double.isFinite(loss) ? loss : 1e6) / steps;
      optimizer.step();
    }
    return mean;
  }

  @Test
  void suggestionIsWithinAFactor3OfTheBestConstantRateForAdam() {
    for (long seed = 1; seed <= 3; seed++) {
      Dataset data = blobs(256, seed);
      Network net = network(3 + seed);
      LearningRateFinder.Result result = new LearningRateFinder(LearningRateFinder.Settings.defaults()
          .withBatchSize(BATCH)).find(net, data, ADAM, Rng.of(5 + seed));

      double best = Double.NaN;
      double bestLoss = Double.POSITIVE_INFINITY;
      for (int k = 0; k <= 12; k++) {   // 1e-3 … 1, four rates a decade
        double lr = Math.pow(10, -3 + k / 4.0);
        double loss = meanLossAtRate(net, data, lr, 300);
        if (loss < bestLoss) {
          bestLoss = loss;
          best = lr;
        }
      }
      double ratio = result.suggestion() / best;
      assertTrue(ratio >= 1 / 3.0 && ratio <= 3, "seed " + seed + ": suggested " + result.suggestion()
          + ", best constant rate " + best + " (ratio " + ratio + ")");
    }
  }

  @Test
  void restoresTheNetworkBitForBitAndRecordsAnExponentialRange() {
    Dataset data = blobs(128, 2);
    Network net = network(7);
    List<double[]> before = values(net);
    LearningRateFinder.Settings settings = new LearningRateFinder.Settings(1e-4, 1e-1, 31, 32);
    LearningRateFinder.Result result = new LearningRateFinder(settings).find(net, data, Optimizers::gd, Rng.of(1));
    List<double[]> after = values(net);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i), "parameter " + i);
    }
    assertFalse(result.diverged());
    assertEquals(31, result.points().size());
    for (int i = 0; i < 31; i++) {
      assertEquals(1e-4 * Math.pow(10, i / 10.0), result.points().get(i).learningRate(), 1e-15 * Math.pow(10, i / 10.0),
          "point " + i);
    }
    assertTrue(result.suggestion() >= 1e-4 && result.suggestion() <= 1e-1);
  }

  @Test
  void firstPointIsTheFirstBatchLossThenASmoothedAverage() {
    Dataset data = blobs(64, 3);
    Network net = network(2);
    // one batch holding every example: the loss before the first update is the network's cost
    double cost = net.cost(data.features(), data.targets());
    LearningRateFinder.Result result = new LearningRateFinder(new LearningRateFinder.Settings(1e-8, 1e-7, 5, 64))
        .find(net, data, Optimizers::gd, Rng.of(1));
    for (LearningRateFinder.Point p : result.points()) {
      // rates of 1e-8 barely move the network, and the bias-corrected average of a constant is it
      assertEquals(cost, p.loss(), 1e-6);
    }
    assertEquals(cost, result.points().get(0).loss(), 1e-12);
  }

  @Test
  void stopsWhenTheLossDivergesAndStillRestores() {
    Dataset data = blobs(128, 4);
    Network net = network(5);
    List<double[]> before = values(net);
    LearningRateFinder.Result result = new LearningRateFinder(new LearningRateFinder.Settings(1e-3, 1e6, 200, 16))
        .find(net, data, Optimizers::gd, Rng.of(2));
    assertTrue(result.diverged());
    assertTrue(result.points().size() < 200, "points: " + result.points().size());
    double best = Double.POSITIVE_INFINITY;
    for (LearningRateFinder.Point p : result.points()) {
      assertTrue(Double.isFinite(p.loss()) && p.loss() <= LearningRateFinder.DIVERGENCE * best, p.toString());
      best = Math.min(best, p.loss());
    }
    assertTrue(result.suggestion() < result.minimumRate() || result.suggestion() == result.minimumRate());
    List<double[]> after = values(net);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i), "parameter " + i);
    }
  }

  @Test
  void settingsAreValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LearningRateFinder.Settings(1e-2, 1e-3, 100, 32));
    assertEquals("lrMax = 0.001: must exceed lrMin = 0.01", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LearningRateFinder.Settings(0, 1, 100, 32));
    assertEquals("lrMin = 0.0: must be positive and finite", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LearningRateFinder.Settings.defaults().withSteps(1));
    assertEquals("steps = 1: must be at least 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LearningRateFinder.Settings.defaults().withBatchSize(0));
    assertEquals("batch size 0: must be at least 1", e.getMessage());
  }
}
