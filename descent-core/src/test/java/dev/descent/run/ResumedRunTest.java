package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.model.Checkpoint;
import dev.descent.nn.Network;
import dev.descent.train.Callback;
import dev.descent.train.EpochResult;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after a checkpoint and resumed ends with exactly the parameters of a run that never stopped. */
class ResumedRunTest {
  @TempDir
  Path dir;

  /** 180 training examples in batches of 64: two plans (64 and 52), each with its own mask stream. */
  static final DataPlan MOONS = new DataPlan(DataRequest.builtIn("moons", 300, 0.2, 3), null, List.of(60.0, 20.0, 20.0), true, 3);

  static RunConfig config(Map<String, Object> params) {
    return new RunConfig(MOONS, TrainingSettings.defaults().with(params).withEpochs(20));
  }

  static List<double[]> straight(RunConfig config) {
    PreparedData data = config.data().prepare();
    Network network = config.training().buildNetwork(data.train());
    new Trainer(network, config.training().transform(), config.training().config()).fit(data.train(), data.dev(), List.of());
    return values(network);
  }

  static List<double[]> values(Network network) {
    List<double[]> out = new ArrayList<>();
    for (Variable p : network.parameters()) {
      out.add(p.value().toArray());
    }
    return out;
  }

  /** Trains with checkpoints every 5 epochs and "dies" during epoch 13; returns the checkpoint file. */
  Path killedAfterEpoch12(RunConfig config) {
    PreparedData data = config.data().prepare();
    Network network = config.training().buildNetwork(data.train());
    Path file = dir.resolve("run.checkpoint");
    CheckpointWriter writer = new CheckpointWriter(file, 5, data, Map.of("seed", 1), config, CheckpointWriter.NO_HISTORY);
    Callback kill = (EpochResult r, TrainingContext c) -> {
      if (r.epoch() + 1 == 12) {
        throw new IllegalStateException("killed");
      }
      return false;
    };
    Trainer trainer = new Trainer(network, config.training().transform(), config.training().config());
    assertThrows(IllegalStateException.class, () -> trainer.fit(data.train(), data.dev(), List.of(writer, kill)));
    assertEquals(10, writer.saved());
    return file;
  }

  static void assertSameParameters(List<double[]> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), 0.0, "parameter " + i);
    }
  }

  @Test
  void resumingAdamWithDropoutGivesTheParametersOfTheUnbrokenRunBitForBit() {
    RunConfig config = config(Map.of("hidden", "5-2", "keep-prob", 0.8, "l2", 0.1, "lr", 0.01));
    List<double[]> expected = straight(config);
    Checkpoint checkpoint = Checkpoint.read(killedAfterEpoch12(config));
    assertEquals(10, checkpoint.epoch());
    assertEquals(30, checkpoint.step(), "3 batches an epoch");
    ResumedRun resumed = ResumedRun.prepare(checkpoint, null, null);
    RunResult result = resumed.run(List.of());
    assertSameParameters(expected, values(result.model().network()));
    History h = result.history();
    assertEquals(20, h.epochs(), "the history covers the saved epochs and the resumed ones");
  }

  @Test
  void momentumWithAScheduleResumesBitForBitToo() {
    RunConfig config = config(Map.of("hidden", 6, "optimizer", "momentum", "beta", 0.95, "schedule", "inverse-time:decay=0.5", "lr", 0.05));
    List<double[]> expected = straight(config);
    RunResult result = ResumedRun.prepare(Checkpoint.read(killedAfterEpoch12(config)), null, null).run(List.of());
    assertSameParameters(expected, values(result.model().network()));
  }

  @Test
  void theMaskStreamsMatter() {
    RunConfig config = config(Map.of("hidden", "5-2", "keep-prob", 0.8, "lr", 0.01));
    Checkpoint checkpoint = Checkpoint.read(killedAfterEpoch12(config));
    ResumedRun resumed = ResumedRun.prepare(checkpoint, null, null);
    List<double[]> withMasks = values(resumed.run(List.of()).model().network());
    // the same resume but with every mask stream back at its start: other masks, other parameters
    PreparedData data = config.data().prepare();
    Network network = config.training().buildNetwork(data.train());
    checkpoint.restoreNetwork(network);
    network.restoreMaskStates(freshMaskStates(config, data));
    var optimizer = new dev.descent.optim.Optimizer(config.training().transform(), network.parameters());
    checkpoint.restoreOptimizer(optimizer);
    new Trainer(network, optimizer, config.training().config()).fit(data.train(), data.dev(), List.of(), checkpoint.epoch());
    List<double[]> fresh = values(network);
    assertFalse(java.util.Arrays.equals(withMasks.get(0), fresh.get(0)));
  }

  /** The mask states of a network that has not trained yet. */
  static Map<Integer, Long> freshMaskStates(RunConfig config, PreparedData data) {
    Network n = config.training().buildNetwork(data.train());
    n.plan(64, dev.descent.nn.Mode.TRAIN);
    n.plan(52, dev.descent.nn.Mode.TRAIN);
    return n.maskStates();
  }

  @Test
  void aResumeNeedsEpochsLeftAndTheSameData() {
    RunConfig config = config(Map.of("hidden", 4, "epochs", 20));
    Checkpoint checkpoint = Checkpoint.read(killedAfterEpoch12(config));
    assertEquals("--epochs 10: the checkpoint " + checkpoint.file() + " is already at epoch 10; give more epochs in all to train on, "
        + "e.g. --epochs 20", assertThrows(IllegalArgumentException.class, () -> ResumedRun.prepare(checkpoint, null, 10)).getMessage());
  }

  @Test
  void aModelFileIsNotACheckpoint() {
    Path model = dir.resolve("model.descent");
    PreparedData data = MOONS.prepare();
    dev.descent.model.ModelFile.write(model, new dev.descent.model.Model(TrainingSettings.defaults().buildNetwork(data.train()),
        data.standardizer(), data.train().classNames(), data.train().featureNames(), Map.of()));
    DescentException e = assertThrows(DescentException.class, () -> Checkpoint.read(model));
    assertEquals(model + ": holds a model, not a checkpoint; resume a file that train --checkpoint-every wrote", e.getMessage());
  }
}
