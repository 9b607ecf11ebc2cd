package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Schedule;
import dev.descent.optim.Transforms;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

  /** Two Gaussian clouds at (−1,−1) and (1,1): linearly separable. */
  static Dataset clouds(int m, long seed) {
    Rng rng = Rng.of(seed);
    Matrix x = Matrix.zeros(Precision.F64, m, 2);
    int[] y = new int[m];
    for (int i = 0; i < m; i++) {
      y[i] = i % 2;
      double c = y[i] == 1 ? 1 : -1;
      x.set(i, 0, c + 0.5 * rng.nextGaussian());
      x.set(i, 1, c + 0.5 * rng.nextGaussian());
    }
    return Dataset.classification("clouds", x, y, Dataset.numberedClasses(2), Dataset.numberedFeatures(2));
  }

  static Network net(Precision p, long seed) {
    return Network.builder(2, p, Rng.of(seed)).dense(4, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  static Trainer trainer(Network n, double lr, int epochs, int batch) {
    return new Trainer(n, Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(lr))),
        new TrainingConfig(epochs, batch, 5, true));
  }

  @Test
  void gradientDescentLearnsSeparableData() {
    Dataset d = clouds(200, 1);
    Network n = net(Precision.F32, 2);
    History h = trainer(n, 0.1, 100, 32).fit(d, d, List.of());
    assertEquals(100, h.epochs());
    assertTrue(h.trainCost()[99] < h.trainCost()[0] / 3, "cost fell from " + h.trainCost()[0] + " to " + h.trainCost()[99]);
    assertTrue(Evaluation.of(n, d).accuracy() > 0.95);
    assertTrue(h.completed());
  }

  @Test
  void sameSeedGivesBitIdenticalParameters() {
    Dataset d = clouds(100, 3);
    Network a = net(Precision.F32, 7);
    Network b = net(Precision.F32, 7);
    trainer(a, 0.05, 20, 16).fit(d, null, List.of());
    trainer(b, 0.05, 20, 16).fit(d, null, List.of());
    for (int i = 0; i < a.parameters().size(); i++) {
      assertEquals(a.parameters().get(i).value(), b.parameters().get(i).value());
    }
  }

  @Test
  void fullBatchEqualsBatchSizeM() {
    Dataset d = clouds(64, 4);
    Network a = net(Precision.F64, 1);
    Network b = net(Precision.F64, 1);
    trainer(a, 0.1, 10, TrainingConfig.FULL_BATCH).fit(d, null, List.of());
    trainer(b, 0.1, 10, 64).fit(d, null, List.of());
    for (int i = 0; i < a.parameters().size(); i++) {
      assertTrue(a.parameters().get(i).value().equalsApprox(b.parameters().get(i).value(), 1e-12));
    }
  }

  @Test
  void divergingCostStopsAndKeepsTheLastGoodParameters() {
    Dataset d = clouds(100, 5);
    Network n = net(Precision.F64, 3);
    History h = trainer(n, 1e6, 50, 100).fit(d, null, List.of());
    assertFalse(h.completed());
    assertTrue(h.stopReason().startsWith("cost became"), h.stopReason());
    assertTrue(h.stopReason().contains("try a lower --lr"), h.stopReason());
    for (Variable p : n.parameters()) {
      for (int k = 0; k < p.value().size(); k++) {
        assertTrue(Double.isFinite(p.value().getFlat(k)), p.name() + " holds a non-finite value");
      }
    }
  }

  @Test
  void float32TrainingTracksFloat64() {
    Dataset d = clouds(100, 6);
    Network a = net(Precision.F32, 9);
    Network b = net(Precision.F64, 9);
    History ha = trainer(a, 0.05, 5, 100).fit(d, null, List.of());
    History hb = trainer(b, 0.05, 5, 100).fit(d, null, List.of());
    assertEquals(hb.trainCost()[4], ha.trainCost()[4], 1e-5);
  }
}
