package dev.descent.cli.bench;

import dev.descent.data.MiniBatches;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.nn.TrainingStep;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;

/**
 * The inner loop of {@link dev.descent.train.Trainer} without its per-epoch bookkeeping: for each
 * mini-batch, {@code network.trainingStep(size)}, its {@code load} and {@code step()} (forward
 * and backward) and {@code optimizer.step()}, in the Trainer's order and with its calls, so that
 * a benchmark of this loop measures what training costs per step.
 *
 * <pre>{@code
 * StepLoop loop = new StepLoop(CourseWorkload.of("optimization-adam").problem(), Rng.of(1));
 * loop.epoch();   // 5 steps of 64, 64, 64, 64, 44 examples; returns the mean cost
 * }</pre>
 */
public final class StepLoop {
  private final Network network;
  private final Optimizer optimizer;
  private final Matrix features;
  private final Matrix targets;
  private final MiniBatches batches;
  private final int fullBatches;
  private int next;

  public StepLoop(Problem problem, Rng shuffle) {
    this.network = problem.network();
    this.optimizer = new Optimizer(problem.transform(), network.parameters());
    this.features = problem.features();
    this.targets = problem.targets();
    this.batches = new MiniBatches(problem.examples(), problem.batchSize(), shuffle);
    this.fullBatches = problem.examples() / problem.batchSize();
  }

  /**
   * One epoch as the Trainer runs it: reshuffle, then every batch, the last one keeping the
   * remainder. Returns the mean cost. No allocation after the first epoch (the plans exist).
   */
  public double epoch() {
    batches.shuffle();
    int[] order = batches.order();
    double sum = 0;
    for (int b = 0, n = batches.count(); b < n; b++) {
      int size = batches.size(b);
      TrainingStep step = network.trainingStep(size);
      step.load(features, targets, order, batches.start(b));
      sum += step.step() * size;
      optimizer.step();
    }
    next = 0;
    return sum / features.rows();
  }

  /**
   * One step on the next full batch of the current order (the examples in order before the first
   * epoch), reshuffling after the last full batch; the partial batch, if any, is skipped so that
   * every call costs the same. Returns the cost. No allocation after the first call.
   */
  public double step() {
    if (next == fullBatches) {
      batches.shuffle();
      next = 0;
    }
    TrainingStep training = network.trainingStep(batches.batchSize());
    training.load(features, targets, batches.order(), batches.start(next++));
    double cost = training.step();
    optimizer.step();
    return cost;
  }

  /** The plan of a full batch, loaded with the first batch of the current order. */
  public Plan loadedPlan() {
    Plan plan = network.plan(batches.batchSize(), Mode.TRAIN);
    plan.load(features, targets, batches.order(), 0);
    return plan;
  }

  /** Steps per {@link #epoch()}. */
  public int stepsPerEpoch() {
    return batches.count();
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Network network() {
    return network;
  }
}
