package dev.descent.spark;

import dev.descent.data.Dataset;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Network;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.optim.Optimizer;
import dev.descent.run.TrainingSettings;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import java.util.Arrays;
import java.util.List;

/**
 * The examples of one partition, parsed and standardized once and cached in executor memory:
 * its share of the training set (rows in ascending training position, the index a local run's
 * {@code MiniBatches} uses), of the dev set and of the test set. Every computation on it is a
 * pure function of the parameters it is sent, the data and the seed, so a task Spark retries on
 * another executor returns the same numbers.
 *
 * <p>A worker keeps its network (and, for parameter averaging, its optimizer) beside the cached
 * data; they are rebuilt from the settings when the block is recomputed.
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

  Shard(int partition, Dataset train, int[] trainPositions, Dataset dev, Dataset test) {
    this.partition = partition;
    this.train = train;
    this.trainPositions = trainPositions;
    this.dev = dev;
    this.test = test;
  }

  /** The worker's network (without the L2 term, which the driver adds once), holding {@code parameters}. */
  Network network(String settingsJson, double[] parameters) {
    if (network == null) {
      network = TrainingSettings.fromJsonText(settingsJson).withoutL2().buildNetwork(train);
    }
    Flat.read(parameters, 0, network.parameters());
    return network;
  }

  /**
   * The gradient SUM over the examples of the global batch {@code positions} that this partition
   * holds, then their loss sum and count: {@code [dW1…, db1…, …, loss sum, count]}. The driver
   * divides by the global batch size, which makes the mean a local run's step takes.
   */
  double[] gradientSum(String settingsJson, double[] parameters, int[] positions) {
    Network net = network(settingsJson, parameters);
    int[] rows = new int[positions.length];
    int count = 0;
    for (int p : positions) {
      int row = Arrays.binarySearch(trainPositions, p);
      if (row >= 0) {
        rows[count++] = row;
      }
    }
    int size = Flat.size(net.parameters());
    double[] sum = new double[size + 2];
    Matrix x = train.features().to(net.precision());
    Matrix y = train.targets().to(net.precision());
    int from = 0;
    while (from < count) {
      int left = count - from;
      int chunk = left >= CHUNK ? CHUNK : Integer.highestOneBit(left);
      Plan step = net.plan(chunk, Mode.TRAIN);
      step.load(x, y, rows, from);
      double cost = step.step();
      Flat.addGradients(net.parameters(), chunk, sum);
      sum[size] += cost * chunk;
      from += chunk;
    }
    sum[size + 1] = count;
    return sum;
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
  double[] evaluate(String settingsJson, double[] parameters, String set, int classes) {
    Dataset data = set(set);
    int confusion = classes == 0 ? 0 : Math.max(2, classes) * Math.max(2, classes);
    double[] out = new double[2 + confusion];
    if (data.size() == 0) {
      return out;
    }
    Network net = network(settingsJson, parameters);
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
   * Parameter averaging's local work: from the driver's {@code parameters} and optimizer {@code
   * moments}, at global step {@code step}, takes {@code steps} steps on batches of this
   * partition's own examples ({@code batchSize} each, reshuffled every local epoch from the seed
   * and the partition), and returns {@code [parameters…, moments…, loss sum, examples, steps taken]}.
   */
  double[] localSteps(String settingsJson, double[] parameters, double[] moments, long step, int steps, int batchSize, long seed) {
    Network net = network(settingsJson, parameters);
    TrainingSettings settings = TrainingSettings.fromJsonText(settingsJson);
    if (optimizer == null) {
      optimizer = new Optimizer(settings.transform(), net.parameters());
    }
    Flat.readState(moments, optimizer);
    int m = train.size();
    int size = Flat.size(net.parameters());
    int stateSize = moments.length;
    double[] out = new double[size + stateSize + 3];
    if (m == 0) {
      System.arraycopy(parameters, 0, out, 0, size);
      System.arraycopy(moments, 0, out, size, stateSize);
      return out;
    }
    int b = Math.min(batchSize, m);
    int perEpoch = (m + b - 1) / b;
    Matrix x = train.features().to(net.precision());
    Matrix y = train.targets().to(net.precision());
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
      ts.load(x, y, batches.order(), batches.start(batch));
      loss += ts.step() * n;
      examples += n;
      optimizer.step();
    }
    Flat.write(net.parameters(), out, 0);
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
