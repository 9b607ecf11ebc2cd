package dev.descent.spark;

import dev.descent.bench.BenchResult;
import dev.descent.bench.BenchSettings;
import dev.descent.bench.MlpWorkload;
import dev.descent.bench.Problem;
import dev.descent.bench.Samples;
import dev.descent.bench.StepLoop;
import dev.descent.bench.Suite;
import dev.descent.data.Dataset;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.run.Regularizers;
import dev.descent.run.TrainingSettings;
import dev.descent.tensor.Blas;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code descent bench spark}: what Spark costs a training step of the {@link MlpWorkload}
 * (784-512-256-10, Adam, float32) on {@code local[2]}, against a local run in this process.
 *
 * <ul>
 *   <li>{@code spark-sync-bN}: {@code --sync every-step} at global batch N (1 024 and 8 192):
 *       ms per step (the job of {@link SparkTraining#gradientSum}'s shape: broadcast, one task a
 *       partition, tree reduction, plus the driver's optimizer step), and the synchronisation's
 *       share: step time less the slowest partition's compute, measured inside its task;
 *   <li>{@code local-bN}: the local run's ms per step at the same batch (OpenBLAS on all cores);
 *   <li>{@code spark-average-kK}: {@code --sync average:K} samples/s (global batch 1 024, 512 a
 *       partition), K = 1, 8, 32, and {@code local-b1024}'s samples/s beside it.
 * </ul>
 *
 * <p>The partitions hold synthetic rows (each its own half, generated in its task); inside
 * {@code local[2]} each task's OpenBLAS runs on one thread (a core per task, as on a cluster).
 */
public final class SparkSuite implements Suite {
  static final int[] SYNC_BATCHES = {1024, 8192};
  static final int[] AVERAGE_K = {1, 8, 32};
  static final int AVERAGE_BATCH = 1024;
  static final String MASTER = "local[2]";

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "784-512-256-10 relu/relu/softmax, Adam lr 1e-3, float32, " + examples(settings) + " synthetic examples on " + MASTER
        + "; --sync every-step at global batch 1024/8192 (ms per step, sync share), --sync average:K for K = 1, 8, 32 at global batch "
        + AVERAGE_BATCH + " (samples/s); local runs beside them; medians of " + steps(settings) + " timed steps";
  }

  static int examples(BenchSettings settings) {
    return settings.examples() != null ? settings.examples() : 2 * SYNC_BATCHES[SYNC_BATCHES.length - 1];
  }

  static int steps(BenchSettings settings) {
    return settings.repeatsOr(settings.quick() ? 2 : 7);
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    int m = examples(settings);
    int largest = SYNC_BATCHES[SYNC_BATCHES.length - 1];
    if (m < largest) {
      throw new IllegalArgumentException("--examples " + m + ": the spark suite needs at least " + largest + " (its largest batch)");
    }
    int steps = steps(settings);
    List<BenchResult> results = new ArrayList<>();
    Map<Integer, Double> localMs = new LinkedHashMap<>();
    log.printf("bench spark: local runs (%d OpenBLAS threads), %d examples …%n", settings.threads(), m);
    log.flush();
    MlpWorkload.Data data = MlpWorkload.data(m, Rng.of(42));
    for (int batch : SYNC_BATCHES) {
      BenchResult local = local(batch, data, steps, log);
      localMs.put(batch, local.value());
      results.add(local);
    }
    data = null;
    Blas.setThreads(1);
    JavaSparkContext spark = SparkExecutor.context(MASTER, new SparkConf(), "descent bench spark");
    try {
      int partitions = spark.defaultParallelism();
      JavaRDD<Shard> shards = spark.parallelize(range(partitions), partitions)
          .map(p -> shard(p, partitions, m)).persist(StorageLevel.MEMORY_ONLY());
      shards.count();
      for (int batch : SYNC_BATCHES) {
        results.add(everyStep(spark, shards, batch, m, steps, localMs.get(batch), log));
      }
      double localRate = 1000.0 * AVERAGE_BATCH / localMs.get(AVERAGE_BATCH);
      for (int k : AVERAGE_K) {
        results.add(averaged(spark, shards, k, partitions, steps, localRate, log));
      }
      shards.unpersist(false);
    } finally {
      spark.stop();
      Blas.setThreads(settings.threads());
    }
    return results;
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  static TrainingSettings settings(int batch) {
    return TrainingSettings.defaults().with(Map.of("hidden", "512-256", "lr", MlpWorkload.LEARNING_RATE, "batch-size", batch))
        .withSeed(7);
  }

  /** Partition p's rows: positions p, p + partitions, … of m (an even spread), synthetic, float32. */
  static Shard shard(int p, int partitions, int m) {
    int rows = (m - p + partitions - 1) / partitions;
    MlpWorkload.Data d = MlpWorkload.data(rows, Rng.of(42).fork("partition", p));
    int[] labels = new int[rows];
    int[] positions = new int[rows];
    for (int i = 0; i < rows; i++) {
      for (int c = 1; c < MlpWorkload.CLASSES; c++) {
        if (d.targets().get(i, c) > d.targets().get(i, labels[i])) {
          labels[i] = c;
        }
      }
      positions[i] = p + i * partitions;
    }
    Dataset train = Dataset.classification("bench partition " + p, d.features(), labels, layout().classNames(),
        layout().featureNames());
    return new Shard(p, train, positions, layout(), layout());
  }

  /** No rows of the workload's 784 features and 10 classes: what a network is built from. */
  static Dataset layout() {
    List<String> classes = new ArrayList<>();
    List<String> features = new ArrayList<>();
    for (int c = 0; c < MlpWorkload.CLASSES; c++) {
      classes.add("c" + c);
    }
    for (int j = 0; j < MlpWorkload.INPUTS; j++) {
      features.add("x" + j);
    }
    return Dataset.classification("no rows", Matrix.zeros(Precision.F32, 0, MlpWorkload.INPUTS), new int[0], classes, features);
  }

  private static BenchResult local(int batch, MlpWorkload.Data data, int steps, PrintWriter log) {
    Problem problem = MlpWorkload.problem(batch, data);
    StepLoop loop = new StepLoop(problem, Rng.of(0).fork("shuffle", batch));
    loop.step();
    loop.step();
    double[] ms = new double[steps];
    for (int s = 0; s < steps; s++) {
      long start = System.nanoTime();
      loop.step();
      ms[s] = (System.nanoTime() - start) / 1e6;
    }
    double median = new Samples(ms).median();
    log.printf("bench spark: local batch %d: %.1f ms per step%n", batch, median);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("batch", batch);
    d.put("samples_per_s", 1000.0 * batch / median);
    d.put("ms_per_step_min", new Samples(ms).min());
    d.put("steps", steps);
    return new BenchResult("local-b" + batch, median, "ms/step", d);
  }

  private static BenchResult everyStep(JavaSparkContext spark, JavaRDD<Shard> shards, int batch, int m, int steps, double localMs,
      PrintWriter log) {
    TrainingSettings settings = settings(batch);
    WorkerRecipe recipe = WorkerRecipe.of(settings, Regularizers.NONE, false);
    Network network = settings.buildNetwork(layout());
    Optimizer optimizer = new Optimizer(settings.transform(), network.parameters());
    int n = Flat.size(network.parameters());
    MiniBatches batches = new MiniBatches(m, batch, Rng.of(7).fork("shuffle", 0));
    batches.shuffle();
    int warmup = 2;
    double[] stepMs = new double[steps];
    double[] computeMs = new double[steps];
    double[] updateMs = new double[steps];
    for (int s = 0; s < warmup + steps; s++) {
      int b = s % (batches.count() - (m % batch == 0 ? 0 : 1));
      int[] positions = Arrays.copyOfRange(batches.order(), batches.start(b), batches.start(b) + batch);
      long start = System.nanoTime();
      double[] sum = timedGradientSum(spark, shards, recipe, Flat.model(network), positions, s);
      long gathered = System.nanoTime();
      Flat.setGradients(sum, batch, network.parameters());
      optimizer.step();
      long end = System.nanoTime();
      if (s >= warmup) {
        stepMs[s - warmup] = (end - start) / 1e6;
        computeMs[s - warmup] = sum[n + 2] / 1e6;
        updateMs[s - warmup] = (end - gathered) / 1e6;
      }
    }
    double step = new Samples(stepMs).median();
    double compute = new Samples(computeMs).median();
    double update = new Samples(updateMs).median();
    double sync = step - compute - update;
    log.printf("bench spark: every-step batch %d: %.1f ms per step, partitions' compute %.1f ms, driver update %.1f ms, sync %.1f ms (%.1f %%)%n",
        batch, step, compute, update, sync, 100 * sync / step);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("batch", batch);
    d.put("compute_ms", compute);
    d.put("driver_update_ms", update);
    d.put("sync_ms", sync);
    d.put("sync_share", sync / step);
    d.put("gradient_bytes", 8L * n);
    d.put("local_ms_per_step", localMs);
    d.put("speedup_vs_local", localMs / step);
    d.put("samples_per_s", 1000.0 * batch / step);
    d.put("steps", steps);
    return new BenchResult("spark-sync-b" + batch, step, "ms/step", d);
  }

  /**
   * {@link SparkTraining#gradientSum}'s job, each task also returning the nanoseconds its
   * gradient took (the reduction keeps the largest: the partitions run side by side).
   */
  static double[] timedGradientSum(JavaSparkContext spark, JavaRDD<Shard> shards, WorkerRecipe recipe, double[] model, int[] positions,
      long step) {
    Broadcast<double[]> p = spark.broadcast(model);
    try {
      return shards.map(s -> {
        double[] received = p.value();   // fetching the broadcast is synchronisation, not compute
        long start = System.nanoTime();
        double[] g = s.gradientSum(recipe, received, positions, step, 7);
        double[] out = Arrays.copyOf(g, g.length + 1);
        out[g.length] = System.nanoTime() - start;
        return out;
      }).treeReduce(SparkSuite::addKeepingSlowest);
    } finally {
      p.destroy();
    }
  }

  static double[] addKeepingSlowest(double[] a, double[] b) {
    double slowest = Math.max(a[a.length - 1], b[b.length - 1]);
    double[] sum = Flat.add(a, b);
    sum[sum.length - 1] = slowest;
    return sum;
  }

  private static BenchResult averaged(JavaSparkContext spark, JavaRDD<Shard> shards, int k, int partitions, int steps, double localRate,
      PrintWriter log) {
    TrainingSettings settings = settings(AVERAGE_BATCH);
    WorkerRecipe recipe = WorkerRecipe.of(settings, Regularizers.NONE, true);
    Network network = settings.buildNetwork(layout());
    Optimizer optimizer = new Optimizer(settings.transform(), network.parameters());
    int localBatch = (AVERAGE_BATCH + partitions - 1) / partitions;
    int rounds = Math.max(2, (steps * 4 + k - 1) / k);
    long step = 0;
    double seconds = 0;
    double examples = 0;
    for (int r = 0; r < 1 + rounds; r++) {
      long start = System.nanoTime();
      double[] round = SparkTraining.averageRound(spark, shards, recipe, network, optimizer, step, k, localBatch, 7);
      step += k;
      long end = System.nanoTime();
      if (r > 0) {   // the first round warms up
        seconds += (end - start) / 1e9;
        examples += round[1];
      }
    }
    double rate = examples / seconds;
    log.printf("bench spark: average:%d, %d rounds: %.0f samples/s (local %.0f)%n", k, rounds, rate, localRate);
    log.flush();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("k", k);
    d.put("global_batch", AVERAGE_BATCH);
    d.put("partition_batch", localBatch);
    d.put("rounds", rounds);
    d.put("ms_per_round", 1000 * seconds / rounds);
    d.put("local_samples_per_s", localRate);
    d.put("ratio_to_local", rate / localRate);
    return new BenchResult("spark-average-k" + k, rate, "samples/s", d);
  }
}
