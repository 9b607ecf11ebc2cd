package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.nn.Activation;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training loop with batch norm, whose training batches need at least two examples. */
class TrainerBatchNormTest {

  static Network batchNormNet(long seed) {
    NetworkBuilder b = Network.builder(2, Precision.F64, Rng.of(seed)).dense(4, Init.he(), false);
    return b.layer(BatchNorm.after(b)).activation(Activation.RELU).dense(1, Init.he())
        .loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  @Test
  void aLastBatchOfOneIsFoldedIntoThePreviousOne() {
    Dataset d = TrainerTest.clouds(129, 2);
    Network n = batchNormNet(3);
    History h = new Trainer(n, Optimizers.gd(0.1), new TrainingConfig(5, 64, 1, false)).fit(d, null, List.of());
    assertEquals(5, h.epochs());
    assertTrue(h.completed());
    assertTrue(Double.isFinite(h.lastTrainCost()));
  }

  @Test
  void onlyBatchNormAsksForTwoExamplesPerBatch() {
    assertEquals(2, Trainer.minimumBatch(batchNormNet(3)));
    assertEquals(1, Trainer.minimumBatch(TrainerTest.net(Precision.F64, 1)));
  }

  @Test
  void batchSizeOneWithBatchNormIsRefusedClearly() {
    Dataset d = TrainerTest.clouds(10, 2);
    Trainer t = new Trainer(batchNormNet(3), Optimizers.gd(0.1), new TrainingConfig(1, 1, 1, false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(d, null, List.of()));
    assertEquals("batch norm in layer 1 needs at least 2 examples per training batch to estimate statistics;"
        + " got a batch of 1 (use --batch-size ≥ 2)", e.getMessage());
  }
}
