package dev.descent.cli;

import dev.descent.run.DataPlan;
import dev.descent.run.RunConfig;
import dev.descent.run.TrainingSettings;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code train} (data, network, training, split) as one plain {@link RunConfig}, for searches and checkpoints. */
final class RunOptions {
  private RunOptions() {}

  static RunConfig of(DataOptions data, NetworkOptions network, TrainingOptions training, double[] split, boolean normalize,
      long splitSeed) {
    return of(data, network, training, split, normalize, splitSeed, 0, 1);
  }

  /** With the L2 λ (0: none) and dropout keep probability (1: none) of the run. */
  static RunConfig of(DataOptions data, NetworkOptions network, TrainingOptions training, double[] split, boolean normalize,
      long splitSeed, double lambda, double keepProb) {
    List<Double> ratios = new ArrayList<>();
    for (double r : split) {
      ratios.add(r);
    }
    TrainingSettings settings = settings(network, training, lambda, keepProb);
    // absolute paths: a checkpoint may be resumed, a search resumed, from another directory
    DataPlan plan = new DataPlan(data.request(data.data).absolute(), data.test == null ? null : data.request(data.test).absolute(), ratios, normalize,
        splitSeed, data.residency(), data.uniformShuffle());
    return new RunConfig(plan, settings);
  }

  /** The training options alone as plain settings, with the L2 λ (0: none) and keep probability (1: none). */
  static TrainingSettings settings(NetworkOptions network, TrainingOptions training, double lambda, double keepProb) {
    // the options' own checks first, for their messages (--hidden, --activation, --optimizer…)
    training.config();
    return new TrainingSettings(network.spec(), training.optimizerSpec(), training.batchSize(), training.epochs, training.seed(),
        training.precision(), lambda, keepProb);
  }
}
