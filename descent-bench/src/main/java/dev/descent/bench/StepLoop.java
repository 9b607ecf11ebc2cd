package dev.descent.bench;

import dev.descent.data.Examples;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.nn.Plan;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import dev.descent.train.BatchLoader;

/**
 * The inner loop of {@link dev.descent.train.Trainer} without its per-epoch bookkeeping: for each
 * mini-batch, {@code network.plan(size, Mode.TRAIN)}, its {@code load} and {@code step()} (forward
 * and backward) and {@code optimizer.step()}, in the Trainer's order and with its calls (its
 * {@link BatchLoader} too), so that a benchmark of this loop measures what training costs per step.
 * A loop over {@link Examples} orders its epochs by their {@link Examples#shuffleOrder()} and
 * gathers each batch from wherever they live, as the Trainer does.
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
  private final BatchLoader loader;
  private final MiniBatches batches;
  private final int fullBatches;
  private int next;

  public StepLoop(Problem problem, Rng shuffle) {
    this.network = problem.network();
    this.optimizer = new Optimizer(problem.transform(), network.parameters());
    this.features = problem.features();
    this.targets = problem.targets();
    this.loader = BatchLoader.resident(features, targets);
    this.batches = new MiniBatches(problem.examples(), problem.batchSize(), shuffle);
    this.fullBatches = problem.examples() / problem.batchSize();
  }

  /** A loop over {@code set}, resident or mapped, in batches of {@code batchSize}. */
  public StepLoop(Network network, GradientTransform transform, Examples set, int batchSize, Rng shuffle) {
    this.network = network;
    this.optimizer = new Optimizer(transform, network.parameters());
    this.features = null;
    this.targets = null;
    this.loader = BatchLoader.of(set, network.precision(), batchSize, network.outputs());
    this.batches = new MiniBatches(set.size(), batchSize, 1, set.shuffleOrder(), shuffle);
    this.fullBatches = set.size() / batchSize;
    // step() starts on an epoch's order: in file order, a mapped set would be read sequentially
    batches.shuffle();
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
      Plan step = network.plan(size, Mode.TRAIN);
      loader.load(step, order, batches.start(b), size);
      sum += step.step() * size;
      optimizer.step();
    }
    next = 0;
    return sum / batches.order().length;
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
    Plan training = network.plan(batches.batchSize(), Mode.TRAIN);
    loader.load(training, batches.order(), batches.start(next++), batches.batchSize());
    double cost = training.step();
    optimizer.step();
    return cost;
  }

  /** The plan of a full batch, loaded with the first batch of the current order (a loop built from a Problem). */
  public Plan loadedPlan() {
    if (features == null) {
      throw new IllegalStateException("loadedPlan: this loop gathers its batches from Examples; build it from a Problem");
    }
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
