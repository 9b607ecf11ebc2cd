package dev.descent.train;

import dev.descent.data.Examples;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Network;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizer;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop: each epoch shuffles (seeded), walks the mini-batches (the last one keeps
 * the remainder; with batch norm a remainder of one example joins the batch before it, since
 * batch statistics need two), and for each runs the planned tape forward and backward and one optimizer
 * step. After the first epoch it allocates nothing per step: plans, batches and optimizer
 * moments are all reused.
 *
 * <p>A cost that turns NaN or infinite stops training and restores the parameters of the last
 * epoch whose cost was finite. After each epoch the learning-rate schedules that adapt to the
 * cost (reduce-on-plateau) are fed the dev cost, or the training cost without a dev set.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(network, Optimizers.adam(0.0007), TrainingConfig.of(10_000));
 * History h = trainer.fit(train, dev, List.of());
 * }</pre>
 */
public final class Trainer {
  private final Network network;
  private final Optimizer optimizer;
  private final TrainingConfig config;
  private final PlateauFeed plateauFeed;

  public Trainer(Network network, GradientTransform transform, TrainingConfig config) {
    this(network, new Optimizer(transform, network.parameters()), config);
  }

  /** Continues with an existing optimizer (e.g. restored from a checkpoint). */
  public Trainer(Network network, Optimizer optimizer, TrainingConfig config) {
    this.network = network;
    this.optimizer = optimizer;
    this.config = config;
    this.plateauFeed = PlateauFeed.of(optimizer.transform());
  }

  /**
   * Feeds a plateau schedule an epoch trained before this trainer's first: a checkpoint is saved
   * by a callback, before the trainer observes the epoch's costs, so a resumed run observes the
   * last saved epoch here before it goes on.
   */
  public void observeEpoch(double trainCost, double devCost) {
    plateauFeed.observe(trainCost, devCost);
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Network network() {
    return network;
  }

  public History fit(Examples train, Examples dev, List<Callback> callbacks) {
    return fit(train, dev, callbacks, 0);
  }

  /**
   * Trains from epoch {@code firstEpoch} (0 for a new run; later when resuming). The sets may be
   * resident or streamed ({@link Examples}); each epoch follows the training set's {@link
   * Examples#shuffleOrder()}.
   */
  public History fit(Examples train, Examples dev, List<Callback> callbacks, int firstEpoch) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("the training set is empty");
    }
    checkShapes(train, "training");
    if (dev != null) {
      checkShapes(dev, "dev");
    }
    int m = train.size();
    int batchSize = config.batchSize() == TrainingConfig.FULL_BATCH ? m : config.batchSize();
    MiniBatches batches = config.shuffle() == TrainingConfig.EpochShuffle.NUMPY_RESEEDED
        ? MiniBatches.reseeded(m, batchSize, minimumBatch(network), e -> Rng.numpy(config.seed() + e + 1))
        : new MiniBatches(m, batchSize, minimumBatch(network), train.shuffleOrder(), Rng.of(config.seed()).fork("shuffle", 0));
    BatchLoader loader = BatchLoader.of(train, network.precision(),
        Math.max(batches.size(0), batches.size(batches.count() - 1)), network.outputs());
    TrainingContext context = new TrainingContext(network, optimizer, train, dev, config);
    List<Variable> params = network.parameters();
    List<Matrix> lastGood = new ArrayList<>();
    for (Variable p : params) {
      lastGood.add(p.value().copy());
    }
    History history = new History(config.epochs());
    for (Callback c : callbacks) {
      c.onStart(context);
    }
    // replays the shuffles of skipped epochs so that a resumed run sees the same batches
    for (int e = 0; e < firstEpoch; e++) {
      batches.shuffle();
    }
    for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
      optimizer.clock().setEpoch(epoch);
      batches.shuffle();
      double costSum = 0;
      int[] order = batches.order();
      for (int b = 0, n = batches.count(); b < n; b++) {
        int size = batches.size(b);
        Plan step = network.plan(size, Mode.TRAIN);
        loader.load(step, order, batches.start(b), size);
        double cost = step.step();
        if (!Double.isFinite(cost)) {
          restore(params, lastGood);
          history.keep(epoch - 1);
          history.stop(String.format("cost became %s at epoch %d (learning rate too high?); kept the %s; try a lower --lr",
              Double.isNaN(cost) ? "NaN" : "infinite", epoch + 1,
              epoch == 0 ? "initial parameters" : "parameters of epoch " + epoch));
          finish(callbacks, context);
          return history;
        }
        costSum += cost * size;
        optimizer.step();
      }
      for (int i = 0; i < params.size(); i++) {
        lastGood.get(i).copyFrom(params.get(i).value());
      }
      double devCost = Double.NaN;
      double devAccuracy = Double.NaN;
      if (dev != null && config.evaluateDev()) {
        Evaluation.Score ev = Evaluation.score(network, dev);
        devCost = ev.cost();
        devAccuracy = ev.accuracy();
      }
      history.add(costSum / m, devCost, devAccuracy);
      Callback stopper = null;
      if (!callbacks.isEmpty()) {
        // the only per-epoch allocation, and only when someone listens
        EpochResult result = new EpochResult(epoch, costSum / m, devCost, devAccuracy, optimizer.clock().step());
        // every callback sees the epoch, also after one asked to stop (a checkpoint writer last saves the stopper's state)
        for (int c = 0; c < callbacks.size(); c++) {
          if (callbacks.get(c).onEpochEnd(result, context) && stopper == null) {
            stopper = callbacks.get(c);
          }
        }
      }
      // after the callbacks, which see the rate the epoch used (a checkpoint they save is one observation behind: see observeEpoch)
      plateauFeed.observe(costSum / m, devCost);
      if (stopper != null) {
        history.stop("stopped by " + stopper.getClass().getSimpleName() + " after epoch " + (epoch + 1));
        break;
      }
    }
    finish(callbacks, context);
    return history;
  }

  /** 2 when a layer normalizes with batch statistics, else 1. */
  static int minimumBatch(Network network) {
    for (dev.descent.nn.Layer l : network.layers()) {
      if (l instanceof dev.descent.nn.BatchNorm) {
        return 2;
      }
    }
    return 1;
  }

  private static void finish(List<Callback> callbacks, TrainingContext context) {
    for (Callback c : callbacks) {
      c.onEnd(context);
    }
  }

  private static void restore(List<Variable> params, List<Matrix> saved) {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).value().copyFrom(saved.get(i));
    }
  }

  private void checkShapes(Examples data, String which) {
    if (data.featureCount() != network.inputs()) {
      throw new IllegalArgumentException("the " + which + " set has " + data.featureCount()
          + " features but the network expects " + network.inputs());
    }
    if (data.targetCount() != network.outputs()) {
      throw new IllegalArgumentException("the " + which + " set has " + data.targetCount()
          + " target column(s) but the network has " + network.outputs() + " output(s)");
    }
  }
}
