package dev.descent.train;

import dev.descent.optim.Chain;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.ScaleByLearningRate;
import dev.descent.optim.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds each epoch's cost to the learning-rate schedules of an optimizer, so that those that
 * adapt to it (reduce-on-plateau) see it: the dev cost when the dev set was evaluated, the
 * training cost otherwise, as {@link Schedule#observe} asks. Pure schedules ignore it.
 *
 * <p>The {@link Trainer} runs one itself after the callbacks of every epoch (so callbacks see the
 * rate the epoch used); nothing else needs to feed the schedules.
 *
 * <pre>{@code
 * PlateauFeed.of(Optimizers.gd(Schedules.plateau(0.1))).observe(trainCost, devCost);
 * }</pre>
 */
final class PlateauFeed {
  private final Schedule[] schedules;

  private PlateauFeed(List<Schedule> schedules) {
    this.schedules = schedules.toArray(new Schedule[0]);
  }

  /** The schedules in {@code transform}: every {@link ScaleByLearningRate} stage, chains searched. */
  static PlateauFeed of(GradientTransform transform) {
    List<Schedule> found = new ArrayList<>();
    collect(transform, found);
    return new PlateauFeed(found);
  }

  private static void collect(GradientTransform t, List<Schedule> found) {
    if (t instanceof Chain chain) {
      for (GradientTransform stage : chain.stages()) {
        collect(stage, found);
      }
    } else if (t instanceof ScaleByLearningRate scale) {
      found.add(scale.schedule());
    }
  }

  /** Feeds {@code devCost}, or {@code trainCost} when the dev set was not evaluated (NaN). No allocation. */
  void observe(double trainCost, double devCost) {
    double cost = Double.isNaN(devCost) ? trainCost : devCost;
    for (Schedule s : schedules) {
      s.observe(cost);
    }
  }
}
