package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrDecayExperimentTest {
  @TempDir
  Path out;

  @Test
  void decayingEveryEpochStallsAndTheLabsScheduleDoesNot() {
    Rows rows = Rows.of("lr-decay", out);
    assertEquals(List.of("constant", "inverse-time", "scheduled", "exponential", "staircase", "cosine",
        "warmup-cosine", "plateau"), rows.names());
    // the rate of the last epoch (t = 4999), from each formula
    assertEquals(0.1, rows.number("constant", "final_learning_rate"), 1e-15);
    assertEquals(0.1 / 5000, rows.number("inverse-time", "final_learning_rate"), 1e-15);
    assertEquals(0.1 / 5, rows.number("scheduled", "final_learning_rate"), 1e-15);
    assertEquals(0.1 * Math.pow(0.9995, 4999), rows.number("exponential", "final_learning_rate"), 1e-15);
    assertEquals(0.1 / 16, rows.number("staircase", "final_learning_rate"), 1e-15);
    assertEquals(0.05 * (1 + Math.cos(Math.PI * 4999 / 5000)), rows.number("cosine", "final_learning_rate"), 1e-15);
    // reduce-on-plateau was fed the cost: it halved at least once, and not below its minimum lr0/100
    double plateau = rows.number("plateau", "final_learning_rate");
    assertTrue(plateau <= 0.05 && plateau >= 0.001, "plateau ended at " + plateau);

    double scheduled = rows.number("scheduled", "train_accuracy");
    assertTrue(scheduled >= 0.91, "scheduled " + scheduled);
    assertTrue(rows.number("inverse-time", "train_accuracy") < scheduled - 0.1);
    assertTrue(rows.number("inverse-time", "final_cost") > 2 * rows.number("scheduled", "final_cost"));
    assertEquals(2, rows.json.get("plots").size());
  }
}
