package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.autodiff.Variable;
import dev.descent.nn.Network;
import dev.descent.tensor.Rng;
import dev.descent.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarked loop is the Trainer's: the same steps give bit-identical parameters. */
class StepLoopTest {

  private static void assertSameParameters(Network expected, Network actual) {
    List<Variable> e = expected.parameters();
    List<Variable> a = actual.parameters();
    assertEquals(e.size(), a.size());
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.get(i).value(), a.get(i).value(), e.get(i).name());
    }
  }

  @Test
  void epochsMatchTheTrainerWithMiniBatches() {
    CourseWorkload w = CourseWorkload.of("optimization-adam");
    Network trained = w.network();
    new Trainer(trained, w.transform(), w.config(3)).fit(w.train(), null, List.of());
    Problem p = w.problem();
    StepLoop loop = new StepLoop(p, Rng.of(w.config(3).seed()).fork("shuffle", 0));
    for (int e = 0; e < 3; e++) {
      loop.epoch();
    }
    assertEquals(5, loop.stepsPerEpoch());
    assertSameParameters(trained, p.network());
  }

  @Test
  void epochsMatchTheTrainerWithTheFullBatch() {
    CourseWorkload w = CourseWorkload.of("init-he");
    Network trained = w.network();
    new Trainer(trained, w.transform(), w.config(4)).fit(w.train(), null, List.of());
    Problem p = w.problem();
    StepLoop loop = new StepLoop(p, Rng.of(1));
    for (int e = 0; e < 4; e++) {
      loop.epoch();
    }
    assertEquals(1, loop.stepsPerEpoch());
    assertEquals(300, p.batchSize());
    assertSameParameters(trained, p.network());
  }

  @Test
  void stepsSkipThePartialBatch() {
    // 300 examples in batches of 64: four full batches, then a reshuffle
    StepLoop loop = new StepLoop(CourseWorkload.of("optimization-gd").problem(), Rng.of(1));
    for (int s = 0; s < 9; s++) {
      loop.step();
    }
    assertEquals(9, loop.optimizer().clock().step());
    assertEquals(64, loop.loadedPlan().batchSize());
  }
}
