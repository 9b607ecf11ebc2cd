package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.Dataset;
import dev.descent.optim.Clock;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.schedule.Per;
import dev.descent.optim.schedule.ReduceOnPlateau;
import dev.descent.optim.schedule.Schedules;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlateauFeedTest {
  private static final Clock CLOCK = new Clock();

  /** Reduces by half after one epoch without any improvement. */
  private static ReduceOnPlateau impatient() {
    return Schedules.plateau(0.1, 0.5, 1, 0, 0);
  }

  @Test
  void feedsTheDevCostWhenTheDevSetWasEvaluated() {
    ReduceOnPlateau plateau = impatient();
    PlateauFeed feed = PlateauFeed.of(Optimizers.gd(plateau));
    feed.observe(1.0, 5.0);
    feed.observe(0.5, 6.0); // train improved, dev did not
    assertEquals(0.05, plateau.rate(CLOCK));
  }

  @Test
  void feedsTheTrainingCostWithoutADevSet() {
    ReduceOnPlateau plateau = impatient();
    PlateauFeed feed = PlateauFeed.of(Optimizers.adam(plateau, 0.9, 0.999, 1e-8));
    feed.observe(1.0, Double.NaN);
    feed.observe(0.5, Double.NaN);
    assertEquals(0.1, plateau.rate(CLOCK));
    feed.observe(0.6, Double.NaN);
    assertEquals(0.05, plateau.rate(CLOCK));
  }

  @Test
  void reachesAPlateauInsideAWarmup() {
    ReduceOnPlateau plateau = impatient();
    PlateauFeed feed = PlateauFeed.of(Optimizers.momentum(Schedules.warmup(1, plateau, Per.EPOCH), 0.9));
    feed.observe(1.0, Double.NaN);
    feed.observe(1.0, Double.NaN);
    assertEquals(0.05, plateau.rate(CLOCK));
  }

  @Test
  void trainerReducesTheRateOnAPlateauAndCallbacksSeeTheRateEachEpochUsed() {
    Dataset d = TrainerTest.clouds(100, 1);
    // a 99 % relative improvement is never reached after the first epoch: halve every 2 epochs
    ReduceOnPlateau plateau = Schedules.plateau(0.1, 0.5, 2, 0, 0.99);
    GradientTransform gd = Optimizers.gd(plateau);
    List<Double> seen = new ArrayList<>();
    Callback recorder = (result, context) -> {
      seen.add(plateau.rate(context.optimizer().clock()));
      return false;
    };
    new Trainer(TrainerTest.net(Precision.F64, 1), gd, new TrainingConfig(7, 32, 1, true)).fit(d, d, List.of(recorder));
    assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025},
        seen.stream().mapToDouble(Double::doubleValue).toArray());
    assertEquals(0.0125, plateau.rate(CLOCK));
  }

  @Test
  void pureSchedulesAreUnaffected() {
    Schedule exponential = Schedules.exponential(0.2, 0.5, Per.EPOCH);
    PlateauFeed.of(Optimizers.gd(exponential)).observe(1.0, 2.0);
    assertEquals(0.2, exponential.rate(CLOCK));
  }
}
