package dev.descent.spark;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Network;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The examples of one partition, parsed and standardized once and cached in executor memory:
 * its share of the training set (rows in ascending training position, the index a local run's
 * {@code MiniBatches} uses), of the dev set and of the test set. Every computation on it is a
 * pure function of the parameters it is sent, the data and the seed, so a task Spark retries on
 * another executor returns the same numbers.
 *
 * <p>A worker keeps its network (and, for parameter averaging, its optimizer) beside the cached
 * data; they are rebuilt from the {@link WorkerRecipe} when the block is recomputed.
 */
final class Shard {
  /** Rows of the largest training step; smaller shares run in power-of-two chunks, so a partition records at most 13 plans. */
  static final int CHUNK = 4096;

  final int partition;
  final Dataset train;
  /** Training position of each row of {@link #train}, ascending. */
  final int[] trainPositions;
  final Dataset dev;
  final Dataset test;
  private transient Network network;
  private transient Optimizer optimizer;
  private transient int shuffledEpoch = -1;
  private transient MiniBatches ownBatches;
  private transient Matrix features;
  private transient Matrix targets;

  Shard(int partition, Dataset train, int[] trainPositions, Dataset dev, Dataset test) {
    this.partition = partition;
    this.train = train;
    this.trainPositions = trainPositions;
    this.dev = dev;
    this.test = test;
  }

  /** The worker's network, built once from {@code recipe}, holding {@code model} ({@link Flat#model}: parameters, batch norm's averages). */
  Network network(WorkerRecipe recipe, double[] model) {
    if (network == null) {
      network = recipe.build(train);
    }
    Flat.readModel(model, network);
    return network;
  }

  /** The partition's training features in the worker network's precision, converted once (not every step). */
  private Matrix features(Network net) {
    if (features == null) {
      features = train.features().to(net.precision());
    }
    return features;
  }

  /** The partition's training targets in the worker network's precision, converted once (not every step). */
  private Matrix targets(Network net) {
    if (targets == null) {
      targets = train.targets().to(net.precision());
    }
    return targets;
  }

  /**
   * Where the dropout and augmentation stream of a chunk starts: a pure function of the seed, the
   * global step and the training position of the chunk's first example, so that a retried task,
   * on any executor, draws the same masks.
   */
  static long masks(long seed, long step, int firstPosition) {
    return Rng.of(seed).fork("spark-step", step).fork("example", firstPosition).state();
  }

  /**
   * The gradient SUM over the examples of the global batch {@code positions} that this partition
   * holds, their loss sum and count, then (with batch norm) the running averages each chunk
   * leaves, times the chunk's size: {@code [dW1…, db1…, …, loss sum, count, averages…]}. The
   * driver divides by the global batch size, which makes the mean a local run's step takes.
   * Batch norm normalizes each chunk by its own statistics (at most {@link #CHUNK} rows of one
   * partition, as DL4J's workers do), every chunk starting from the driver's running averages.
   */
  double[] gradientSum(WorkerRecipe recipe, double[] model, int[] positions, long step, long seed) {
    Network net = network(recipe, model);
    int[] rows = new int[positions.length];
    int count = 0;
    for (int p : positions) {
      int row = Arrays.binarySearch(trainPositions, p);
      if (row >= 0) {
        rows[count++] = row;
      }
    }
    int size = Flat.size(net.parameters());
    int statistics = model.length - size;
    double[] sum = new double[size + 2 + statistics];
    Matrix x = features(net);
    Matrix y = targets(net);
    if (statistics > 0 && count == 1) {
      throw new DescentException("--batch-norm on Spark: partition " + partition + " holds 1 example of step " + (step + 1) + "'s batch, "
          + "and one example has no variance (each partition's share is normalized by its own statistics); use a larger --batch-size "
          + "or fewer partitions");
    }
    int from = 0;
    while (from < count) {
      int left = count - from;
      int chunk = left >= CHUNK ? CHUNK : Integer.highestOneBit(left);
      if (statistics > 0 && left - chunk == 1) {
        chunk++;   // batch norm: no chunk of one example, 2^k + 1 rows instead (at most 13 more plans)
      }
      Plan ts = net.plan(chunk, Mode.TRAIN);
      net.restoreMaskStates(Map.of(chunk, masks(seed, step, trainPositions[rows[from]])));
      if (statistics > 0) {
        Flat.readStatistics(model, size, net);
      }
      ts.load(x, y, rows, from);
      double cost = ts.step();
      Flat.addGradients(net.parameters(), chunk, sum);
      sum[size] += cost * chunk;
      if (statistics > 0) {
        Flat.addStatistics(net, chunk, sum, size + 2);
      }
      from += chunk;
    }
    sum[size + 1] = count;
    return sum;
  }

  /**
   * The training examples at positions below {@code limit} that this partition holds: {@code
   * [position, features…, targets…]} for each, the driver's gradient-norm probe (a local run
   * probes the first 256 training examples too).
   */
  double[] probe(int limit) {
    int n = train.featureCount();
    int t = train.targets().cols();
    int rows = 0;
    while (rows < trainPositions.length && trainPositions[rows] < limit) {
      rows++;
    }
    double[] out = new double[rows * (1 + n + t)];
    int at = 0;
    for (int i = 0; i < rows; i++) {
      out[at++] = trainPositions[i];
      for (int j = 0; j < n; j++) {
        out[at++] = train.features().get(i, j);
      }
      for (int j = 0; j < t; j++) {
        out[at++] = train.targets().get(i, j);
      }
    }
    return out;
  }

  /** The examples of {@code set} ("train", "dev", "test") in this partition. */
  Dataset set(String set) {
    return switch (set) {
      case "train" -> train;
      case "dev" -> dev;
      case "test" -> test;
      default -> throw new AssertionError("no set " + set);
    };
  }

  /**
   * {@code [cost sum, count, confusion counts…]} of {@code set} under {@code parameters}, for a
   * classifier of {@code classes} classes (no counts for a regression).
   */
  double[] evaluate(WorkerRecipe recipe, double[] model, String set, int classes) {
    Dataset data = set(set);
    int confusion = classes == 0 ? 0 : Math.max(2, classes) * Math.max(2, classes);
    double[] out = new double[2 + confusion];
    if (data.size() == 0) {
      return out;
    }
    Network net = network(recipe, model);
    Evaluation e = Evaluation.of(net, data.withFeatures(data.features().to(net.precision())));
    out[0] = e.cost() * data.size();
    out[1] = data.size();
    if (e.metrics() != null) {
      long[] counts = e.metrics().confusion().counts();
      for (int k = 0; k < counts.length; k++) {
        out[2 + k] = counts[k];
      }
    }
    return out;
  }

  /**
   * Parameter averaging's local work: from the driver's {@code model} ({@link Flat#model}) and
   * optimizer {@code moments}, at global step {@code step}, takes {@code steps} steps on batches
   * of this partition's own examples ({@code batchSize} each, reshuffled every local epoch from
   * the seed and the partition; dropout masks from the seed, the step and the partition), and
   * returns {@code [parameters…, running averages…, moments…, loss sum, examples, steps taken]}.
   */
  double[] localSteps(WorkerRecipe recipe, double[] model, double[] moments, long step, int steps, int batchSize, long seed) {
    Network net = network(recipe, model);
    if (optimizer == null) {
      optimizer = new Optimizer(recipe.settings().transform(), net.parameters());
    }
    Flat.readState(moments, optimizer);
    int m = train.size();
    int size = model.length;
    int stateSize = moments.length;
    double[] out = new double[size + stateSize + 3];
    if (m == 0) {
      return out;   // zeros, and no steps: the driver averages over the partitions that took steps
    }
    int b = Math.min(batchSize, m);
    int perEpoch = (m + b - 1) / b;
    Matrix x = features(net);
    Matrix y = targets(net);
    double loss = 0;
    long examples = 0;
    for (int k = 0; k < steps; k++) {
      long s = step + k;
      int epoch = (int) (s / perEpoch);
      int batch = (int) (s % perEpoch);
      MiniBatches batches = batches(m, b, epoch, seed);
      int n = batches.size(batch);
      optimizer.restoreClock(s, epoch);
      Plan ts = net.plan(n, Mode.TRAIN);
      net.restoreMaskStates(Map.of(n, Rng.of(seed).fork("spark-step", s).fork("partition", partition).state()));
      ts.load(x, y, batches.order(), batches.start(batch));
      loss += ts.step() * n;
      examples += n;
      optimizer.step();
    }
    Flat.write(net.parameters(), out, 0);
    Flat.writeStatistics(net, out, Flat.size(net.parameters()));
    Flat.writeState(optimizer, out, size);
    out[size + stateSize] = loss;
    out[size + stateSize + 1] = examples;
    out[size + stateSize + 2] = steps;
    return out;
  }

  /** This partition's order of epoch {@code epoch}: a pure function of the seed, the partition and the epoch. */
  private MiniBatches batches(int m, int b, int epoch, long seed) {
    if (ownBatches == null || shuffledEpoch != epoch || ownBatches.batchSize() != b) {
      ownBatches = new MiniBatches(m, b, Rng.of(seed).fork("partition-shuffle", partition).fork("epoch", epoch));
      ownBatches.shuffle();
      shuffledEpoch = epoch;
    }
    return ownBatches;
  }

  static List<String> sets() {
    return List.of("train", "dev", "test");
  }
}
