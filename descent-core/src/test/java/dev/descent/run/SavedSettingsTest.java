package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.model.Checkpoint;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.tensor.Precision;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings stored by earlier versions (activation, init and optimizer as text) read back as the typed settings. */
class SavedSettingsTest {

  @Test
  void aCheckpointWrittenBeforeTheSettingsWereTypedReadsBackAndWritesTheSameJson() throws URISyntaxException {
    // written by main's descent.jar before TrainingSettings was typed: descent train --data moons --examples 60
    // --hidden 4,3 --activation tanh --init random:0.5 --optimizer momentum --beta 0.8 --lr 0.05
    // --schedule inverse-time:decay=1 --batch-size 16 --epochs 6 --checkpoint-every 3 --keep-prob 0.9 --l2 0.1 --seed 7
    Path file = Path.of(SavedSettingsTest.class.getResource("/checkpoints/v1-momentum-dropout.descent").toURI());
    JsonNode run = Checkpoint.read(file).run();
    TrainingSettings t = RunConfig.fromJson(run).training();
    assertEquals(new NetworkSpec(List.of(4, 3), Activation.TANH, Init.random(0.5)), t.network());
    assertEquals(new OptimizerSpec("momentum", 0.05, 0.8, 0.9, 0.999, 1e-8, null, "inverse-time:decay=1"), t.optimizer());
    assertEquals(16, t.batchSize());
    assertEquals(6, t.epochs());
    assertEquals(7, t.seed());
    assertEquals(Precision.F32, t.precision());
    assertEquals(0.1, t.lambda());
    assertEquals(0.9, t.keepProb());
    assertEquals(run.get("training").toString(), t.toJsonText(), "the same fields, names and values as the file");
  }
}
