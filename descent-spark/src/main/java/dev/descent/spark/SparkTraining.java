package dev.descent.spark;

import dev.descent.autodiff.Variable;
import dev.descent.data.Examples;
import dev.descent.data.MiniBatches;
import dev.descent.data.ShuffleOrder;
import dev.descent.model.Model;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.run.ClusterRun;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingSettings;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.autodiff.Tape;
import dev.descent.nn.CostTerm;
import dev.descent.train.GradientNormMonitor;
import dev.descent.model.Checkpoint;
import dev.descent.regularize.EarlyStopping;
import dev.descent.train.Callback;
import dev.descent.train.ConfusionMatrix;
import dev.descent.train.EpochResult;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Metrics;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel training on Spark; the driver holds the network, the optimizer and the metrics.
 *
 * <p>{@code --sync every-step}: each step the parameters go out as a broadcast, every partition
 * returns the gradient SUM over the examples of the global mini-batch it holds (the batch is the
 * local {@code Trainer}'s: {@code MiniBatches} over training positions, seeded the same way),
 * {@code treeReduce} adds them, and the driver divides by the batch size (the local loss is the
 * batch mean) and takes one optimizer step: the model of a local run up to summation order.
 *
 * <p>{@code --sync average:K}: each partition takes K steps of its own (batches of
 * ⌈batch / partitions⌉ of its examples) from the broadcast parameters and optimizer moments,
 * and the driver averages parameters and moments over the partitions (DL4J's parameter
 * averaging). An epoch is as many rounds as make ⌈m / batch⌉ steps.
 */
final class SparkTraining {
  private SparkTraining() {}

  /** Test hook: the global step whose first task attempt on partition 0 fails on purpose (a lost task). */
  static final String FAIL_ONCE_AT_STEP = "spark.descent.failOnceAtStep";
  /** Failures injected in this JVM (local mode), so that a test can see its retry happened. */
  static final java.util.concurrent.atomic.AtomicInteger INJECTED = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Trains {@code run}, or continues it from {@code from} (null: a new run): the saved
   * parameters, running averages, optimizer state and clock, early stopping's progress and
   * history, then the epochs after the saved one, their shuffles replayed from the seed.
   */
  static RunResult run(JavaSparkContext spark, ClusterRun run, Checkpoint from, Function<PreparedData, List<Callback>> callbackFactory) {
    TrainingSettings settings = run.training();
    ClusterData data = ClusterData.read(spark, run, settings.precision());
    Matrix[] probe = probe(data, settings.precision());
    Examples train = new ClusterExamples(run.data() + " (train)", data.sizes[0], data.featureNames, data.classNames, probe[0], probe[1]);
    Examples dev = data.sizes[1] == 0 ? null : new ClusterExamples(run.data() + " (dev)", data.sizes[1], data.featureNames, data.classNames, null, null);
    Examples test = data.sizes[2] == 0 ? null : new ClusterExamples(run.data() + " (test)", data.sizes[2], data.featureNames, data.classNames, null, null);
    PreparedData prepared = new PreparedData(train, dev, test, data.standardizer);
    List<Callback> callbacks = callbackFactory.apply(prepared);
    Network network = settings.buildNetwork(train, run.regularizers());
    Optimizer optimizer = new Optimizer(settings.transform(), network.parameters());
    TrainingConfig config = settings.config();
    TrainingContext context = new TrainingContext(network, optimizer, train, dev, config);
    int firstEpoch = 0;
    History earlier = null;
    if (from != null) {
      from.restoreNetwork(network);
      from.restoreOptimizer(optimizer);
      firstEpoch = from.epoch();
      double[][] h = from.history();
      earlier = History.of(h[0], h[1], h[2]);
      for (Callback c : callbacks) {
        if (c instanceof EarlyStopping stopping && from.earlyStopping(network) != null) {
          stopping.resumeFrom(from.earlyStopping(network));
        }
      }
    }
    for (Callback c : callbacks) {
      c.onStart(context);
    }
    // every-step: the penalties once, on the driver; averaging: in each worker's local steps
    WorkerRecipe recipe = WorkerRecipe.of(settings, run.regularizers(), !run.sync().isEveryStep());
    History later = run.sync().isEveryStep()
        ? everyStep(spark, data, settings, recipe, network, optimizer, callbacks, context, firstEpoch)
        : averaged(spark, data, settings, recipe, run.sync().localSteps(), network, optimizer, callbacks, context, firstEpoch);
    History history = earlier == null ? later : earlier.then(later);
    for (Callback c : callbacks) {
      c.onEnd(context);
    }
    int classes = data.classNames.size();
    Evaluation trainScore = evaluate(spark, data.shards, recipe, network, "train", classes);
    Evaluation devScore = dev == null ? null : evaluate(spark, data.shards, recipe, network, "dev", classes);
    Evaluation testScore = test == null ? null : evaluate(spark, data.shards, recipe, network, "test", classes);
    Model model = new Model(network, data.standardizer, data.classNames, data.featureNames, run.settings());
    data.shards.unpersist(false);
    return new RunResult(model, history, trainScore, devScore, testScore, prepared);
  }

  /** The first {@link GradientNormMonitor#PROBE_EXAMPLES} training examples (features, targets), which the driver's gradient probe reads. */
  private static Matrix[] probe(ClusterData data, Precision precision) {
    int size = Math.min(data.sizes[0], GradientNormMonitor.PROBE_EXAMPLES);
    int n = data.featureNames.size();
    List<double[]> parts = SparkFailures.run(() -> data.shards.map(s -> s.probe(size)).collect());
    int t = -1;
    Matrix x = Matrix.zeros(precision, size, n);
    Matrix y = null;
    for (double[] part : parts) {
      if (part.length == 0) {
        continue;
      }
      if (y == null) {
        t = data.classNames.size() == 2 ? 1 : data.classNames.size();
        y = Matrix.zeros(precision, size, t);
      }
      for (int at = 0; at < part.length; at += 1 + n + t) {
        int row = (int) part[at];
        for (int j = 0; j < n; j++) {
          x.set(row, j, part[at + 1 + j]);
        }
        for (int j = 0; j < t; j++) {
          y.set(row, j, part[at + 1 + n + j]);
        }
      }
    }
    return new Matrix[] {x, y};
  }

  private static History everyStep(JavaSparkContext spark, ClusterData data, TrainingSettings settings, WorkerRecipe recipe, Network network,
      Optimizer optimizer, List<Callback> callbacks, TrainingContext context, int firstEpoch) {
    int m = data.sizes[0];
    int batchSize = settings.batchSize() == TrainingConfig.FULL_BATCH ? m : settings.batchSize();
    MiniBatches batches = new MiniBatches(m, batchSize, 1, ShuffleOrder.UNIFORM, Rng.of(settings.seed()).fork("shuffle", 0));
    List<Variable> params = network.parameters();
    int n = Flat.size(params);
    double[] lastGood = Flat.of(params);
    History history = new History(settings.epochs() - firstEpoch);
    long failAt = spark.getConf().getLong(FAIL_ONCE_AT_STEP, -1);
    for (int epoch = 0; epoch < firstEpoch; epoch++) {
      batches.shuffle();   // the orders of the epochs a checkpoint holds: the stream goes on from there
    }
    for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
      optimizer.clock().setEpoch(epoch);
      batches.shuffle();
      double costSum = 0;
      for (int b = 0; b < batches.count(); b++) {
        int size = batches.size(b);
        int[] positions = Arrays.copyOfRange(batches.order(), batches.start(b), batches.start(b) + size);
        long step = optimizer.clock().step();
        double[] sum = gradientSum(spark, data.shards, recipe, Flat.model(network), positions, step, settings.seed(), step == failAt);
        if (sum[n + 1] != size) {
          throw new AssertionError("the partitions hold " + (long) sum[n + 1] + " of the batch's " + size + " examples");
        }
        Flat.setGradients(sum, size, params);
        double cost = sum[n] / size + addPenalties(network, size);
        if (!Double.isFinite(cost)) {
          Flat.read(lastGood, 0, params);
          history.keep(epoch - firstEpoch - 1);
          history.stop(String.format("cost became %s at epoch %d (learning rate too high?); kept the %s; try a lower --lr",
              Double.isNaN(cost) ? "NaN" : "infinite", epoch + 1, epoch == 0 ? "initial parameters" : "parameters of epoch " + epoch));
          return history;
        }
        if (sum.length > n + 2) {
          // batch norm: the running averages the chunks left, weighted by their examples
          for (int k = n + 2; k < sum.length; k++) {
            sum[k] /= size;
          }
          Flat.readStatistics(sum, n + 2, network);
        }
        costSum += cost * size;
        optimizer.step();
      }
      Flat.write(params, lastGood, 0);
      if (endEpoch(spark, data, recipe, network, optimizer, callbacks, context, history, epoch, costSum / m)) {
        break;
      }
    }
    return history;
  }

  /**
   * Adds the network's penalties (L2, L1) of a batch of {@code size} examples to the gradients
   * and returns their cost: the very terms a local step records on its tape, each once per step.
   */
  static double addPenalties(Network network, int size) {
    double cost = 0;
    for (CostTerm term : network.costTerms()) {
      Tape tape = new Tape();
      Variable v = term.apply(tape, network.weights(), size);
      v.grad().fill(1);
      tape.ops().get(tape.ops().size() - 1).backward();   // a WeightPenalty adds its gradient to dW
      cost += v.scalar();
    }
    return cost;
  }

  /**
   * One step's job: the model out as a broadcast, every partition's gradient sum back through a
   * tree. (A broadcast, not the task's closure: in an A/B on {@code local[2]} the closure, which
   * each task deserializes, cost more than creating and destroying the broadcast.)
   */
  static double[] gradientSum(JavaSparkContext spark, JavaRDD<Shard> shards, WorkerRecipe recipe, double[] model, int[] positions, long step,
      long seed, boolean failOnce) {
    Broadcast<double[]> p = spark.broadcast(model);
    try {
      return SparkFailures.run(() -> shards.map(s -> {
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        if (failOnce && s.partition == 0 && task != null && task.attemptNumber() == 0) {
          INJECTED.incrementAndGet();
          throw new IllegalStateException("partition 0: first attempt failed on purpose (" + FAIL_ONCE_AT_STEP + ")");
        }
        return s.gradientSum(recipe, p.value(), positions, step, seed);
      }).treeReduce(Flat::add));
    } finally {
      p.destroy();
    }
  }

  private static History averaged(JavaSparkContext spark, ClusterData data, TrainingSettings settings, WorkerRecipe recipe, int k,
      Network network, Optimizer optimizer, List<Callback> callbacks, TrainingContext context, int firstEpoch) {
    int m = data.sizes[0];
    int batchSize = settings.batchSize() == TrainingConfig.FULL_BATCH ? m : Math.min(settings.batchSize(), m);
    int partitions = data.shards.getNumPartitions();
    int localBatch = Math.max(1, (batchSize + partitions - 1) / partitions);
    int stepsPerEpoch = (m + batchSize - 1) / batchSize;
    int roundsPerEpoch = (stepsPerEpoch + k - 1) / k;
    History history = new History(settings.epochs() - firstEpoch);
    long step = optimizer.clock().step();
    long seed = settings.seed();
    for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
      optimizer.clock().setEpoch(epoch);
      double loss = 0;
      double examples = 0;
      for (int r = 0; r < roundsPerEpoch; r++) {
        double[] round = averageRound(spark, data.shards, recipe, network, optimizer, step, k, localBatch, seed);
        step += k;
        optimizer.restoreClock(step, epoch);
        loss += round[0];
        examples += round[1];
      }
      if (endEpoch(spark, data, recipe, network, optimizer, callbacks, context, history, epoch, loss / examples)) {
        break;
      }
    }
    return history;
  }

  /**
   * One round of parameter averaging: every partition takes {@code k} steps of {@code localBatch}
   * examples from the driver's model and optimizer moments, and their averages (over the
   * partitions that took steps) go into {@code network} and {@code optimizer}. Returns the
   * round's loss sum and example count.
   */
  static double[] averageRound(JavaSparkContext spark, JavaRDD<Shard> shards, WorkerRecipe recipe, Network network, Optimizer optimizer,
      long step, int k, int localBatch, long seed) {
    double[] model = Flat.model(network);
    double[] moments = Flat.state(optimizer);
    Broadcast<double[]> p = spark.broadcast(model);
    Broadcast<double[]> s = spark.broadcast(moments);
    double[] sum;
    try {
      sum = SparkFailures.run(() -> shards.map(shard -> shard.localSteps(recipe, p.value(), s.value(), step, k, localBatch, seed))
          .treeReduce(Flat::add));
    } finally {
      p.destroy();
      s.destroy();
    }
    int size = model.length;
    int stateSize = moments.length;
    double contributors = sum[size + stateSize + 2] / k;
    for (int i = 0; i < size + stateSize; i++) {
      sum[i] /= contributors;
    }
    Flat.readModel(sum, network);
    Flat.readState(Arrays.copyOfRange(sum, size, size + stateSize), optimizer);
    return new double[] {sum[size + stateSize], sum[size + stateSize + 1]};
  }

  /** Dev metrics, history and callbacks after an epoch; true when a callback stops the run. */
  private static boolean endEpoch(JavaSparkContext spark, ClusterData data, WorkerRecipe recipe, Network network, Optimizer optimizer,
      List<Callback> callbacks, TrainingContext context, History history, int epoch, double trainCost) {
    double devCost = Double.NaN;
    double devAccuracy = Double.NaN;
    if (data.sizes[1] > 0) {
      Evaluation dev = evaluate(spark, data.shards, recipe, network, "dev", data.classNames.size());
      devCost = dev.cost();
      devAccuracy = dev.accuracy();
    }
    history.add(trainCost, devCost, devAccuracy);
    boolean stop = false;
    EpochResult result = new EpochResult(epoch, trainCost, devCost, devAccuracy, optimizer.clock().step());
    for (Callback c : callbacks) {
      stop |= c.onEpochEnd(result, context);
    }
    if (stop) {
      history.stop("stopped by a callback after epoch " + (epoch + 1));
    }
    return stop;
  }

  /** Cost, accuracy and confusion matrix of one set, summed over the partitions. */
  static Evaluation evaluate(JavaSparkContext spark, JavaRDD<Shard> shards, WorkerRecipe recipe, Network network, String set, int classes) {
    Broadcast<double[]> p = spark.broadcast(Flat.model(network));
    double[] sum;
    try {
      sum = SparkFailures.run(() -> shards.map(s -> s.evaluate(recipe, p.value(), set, classes)).treeReduce(Flat::add));
    } finally {
      p.destroy();
    }
    double count = sum[1];
    if (classes == 0) {
      return new Evaluation(sum[0] / count, Double.NaN, null, null);
    }
    int k = Math.max(2, classes);
    long[] counts = new long[k * k];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.round(sum[2 + i]);
    }
    ConfusionMatrix confusion = ConfusionMatrix.ofCounts(k, counts);
    return new Evaluation(sum[0] / count, confusion.correct() / count, null, Metrics.of(confusion));
  }
}
