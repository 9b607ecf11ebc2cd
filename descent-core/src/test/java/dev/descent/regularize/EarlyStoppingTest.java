package dev.descent.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.Transforms;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.EpochResult;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  /** Two overlapping Gaussian clouds: few, noisy examples that a wide network overfits. */
  static Dataset clouds(int m, long seed) {
    Rng rng = Rng.of(seed);
    Matrix x = Matrix.zeros(Precision.F64, m, 2);
    int[] y = new int[m];
    for (int i = 0; i < m; i++) {
      y[i] = i % 2;
      double c = y[i] == 1 ? 0.5 : -0.5;
      x.set(i, 0, c + rng.nextGaussian());
      x.set(i, 1, c + rng.nextGaussian());
    }
    return Dataset.classification("clouds", x, y, Dataset.numberedClasses(2), Dataset.numberedFeatures(2));
  }

  static Network wide() {
    return Network.builder(2, Precision.F64, Rng.of(4)).dense(64, Init.he()).activation(Activation.RELU)
        .dense(64, Init.he()).activation(Activation.RELU).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  static Trainer trainer(Network n, int epochs) {
    return new Trainer(n, Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(0.3))),
        new TrainingConfig(epochs, TrainingConfig.FULL_BATCH, 1, true));
  }

  static int argMin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void restoresTheBestEpochEvenWhenTrainingRunsToTheEnd() {
    Dataset train = clouds(24, 1);
    Dataset dev = clouds(200, 2);
    Network net = wide();
    EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.patience(1000));
    History h = trainer(net, 300).fit(train, dev, List.of(stop));
    stop.keepBest(h);
    assertTrue(h.completed(), h.stopReason());
    assertFalse(stop.stopped());
    assertEquals(300, h.epochs());
    int best = argMin(h.devCost());
    // the run overfits: its best dev cost comes well before the end, so restoring matters
    assertTrue(best < 250, "best epoch " + best);
    assertTrue(h.devCost()[299] > h.devCost()[best] + 0.01, "dev cost at the end " + h.devCost()[299] + ", best " + h.devCost()[best]);
    assertEquals(best, stop.bestEpoch());
    assertEquals(best, h.keptEpoch());
    assertEquals(h.devCost()[best], stop.bestValue());
    // the network holds exactly the best epoch's parameters: its dev cost is that epoch's, bit for bit
    assertEquals(h.devCost()[best], Evaluation.of(net, dev).cost());
    assertEquals(String.format(java.util.Locale.ROOT,
        "ran all 300 epochs (patience 1000 not exhausted); restored the best parameters, of epoch %d (dev cost %.4f)",
        best + 1, h.devCost()[best]), stop.text());
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
    Dataset train = clouds(24, 1);
    Dataset dev = clouds(200, 2);
    Network net = wide();
    EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.patience(5));
    History h = trainer(net, 300).fit(train, dev, List.of(stop));
    stop.keepBest(h);
    assertTrue(stop.stopped());
    assertEquals("stopped by EarlyStopping after epoch " + h.epochs(), h.stopReason());
    int best = argMin(h.devCost());
    assertEquals(best + 5 + 1, h.epochs(), "five epochs without improvement after the best one");
    assertEquals(best, h.keptEpoch());
    assertEquals(h.devCost()[best], Evaluation.of(net, dev).cost());
  }

  /** Drives the callback by hand: parameters set to the epoch number, dev metrics given. */
  static EarlyStopping drive(EarlyStopping.Config config, double[] devCost, double[] devAccuracy, Network net) {
    Dataset d = clouds(4, 1);
    TrainingContext context = new TrainingContext(net, new Optimizer(Transforms.scaleByLearningRate(Schedule.constant(0.1)), net.parameters()), d, d,
        TrainingConfig.of(devCost.length));
    EarlyStopping stop = new EarlyStopping(config);
    stop.onStart(context);
    for (int e = 0; e < devCost.length; e++) {
      for (Variable p : net.parameters()) {
        p.value().fill(e);
      }
      if (stop.onEpochEnd(new EpochResult(e, 1, devCost[e], devAccuracy[e], e + 1), context)) {
        break;
      }
    }
    stop.onEnd(context);
    return stop;
  }

  @Test
  void minDeltaDecidesWhatCountsAsAnImprovement() {
    Network net = wide();
    double[] cost = {0.50, 0.30, 0.295, 0.28, 0.29, 0.40};
    double[] accuracy = new double[cost.length];
    EarlyStopping any = drive(EarlyStopping.Config.patience(10), cost, accuracy, net);
    assertEquals(3, any.bestEpoch());
    assertEquals(3.0, net.parameters().get(0).value().get(0, 0));
    // 0.295 and 0.28 beat 0.30 by less than 0.03: only epoch 1 improves
    EarlyStopping coarse = drive(EarlyStopping.Config.patience(10).withMinDelta(0.03), cost, accuracy, net);
    assertEquals(1, coarse.bestEpoch());
    assertEquals(1.0, net.parameters().get(2).value().get(0, 0));
    assertFalse(coarse.stopped());
  }

  @Test
  void accuracyIsBetterWhenHigherAndNaNNeverImproves() {
    Network net = wide();
    double[] cost = {1, 1, 1, 1, 1};
    double[] accuracy = {0.6, Double.NaN, 0.8, 0.7, 0.75};
    EarlyStopping stop = drive(EarlyStopping.Config.patience(2).withMetric(EarlyStopping.Metric.ACCURACY), cost, accuracy, net);
    assertEquals(2, stop.bestEpoch());
    assertTrue(stop.stopped());
    assertEquals(4, stop.lastEpoch());
    assertEquals(2.0, net.parameters().get(0).value().get(0, 0));
    assertEquals("dev accuracy did not improve by more than 0 for 2 epochs: stopped after epoch 5; "
        + "restored the best parameters, of epoch 3 (dev accuracy 80.0%)", stop.text());
  }

  @Test
  void needsADevSet() {
    Network net = wide();
    Dataset d = clouds(10, 1);
    EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.patience(3));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> trainer(net, 3).fit(d, null, List.of(stop)));
    assertEquals("early stopping watches the dev set, but this run has no dev set; give a dev set", e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertEquals("patience = 0: must be at least 1 epoch, e.g. 10",
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.Config.patience(0)).getMessage());
    assertEquals("minDelta = -0.1: must be a finite number ≥ 0 (0: any improvement counts)",
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.Config.patience(3).withMinDelta(-0.1)).getMessage());
  }
}
