package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.run.ClusterBackend;
import dev.descent.run.ClusterRun;
import dev.descent.run.Regularizers;
import dev.descent.run.SyncMode;
import dev.descent.run.TrainingSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine.Option;

/** {@code --spark MASTER} and {@code --sync} of {@code descent train}: data-parallel training on a cluster. */
public final class ClusterOptions {
  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Train on Apache Spark (local[N], spark://HOST:7077, yarn): --data is a CSV or Parquet file or directory the executors "
          + "read (file://, hdfs://, s3a://); ./descent builds the Spark module on first use.")
  String master;

  @Option(names = "--sync", paramLabel = "MODE", defaultValue = "every-step",
      description = "With --spark: every-step (sum every partition's gradient, one step on the driver: the model of a local run) "
          + "or average:K (K local steps per partition, then parameters and moments averaged) (default: ${DEFAULT-VALUE}).")
  String sync;

  boolean enabled() {
    return master != null;
  }

  /** --sync as a mode; a value that does not parse is a usage error, with or without --spark. */
  SyncMode syncMode() {
    try {
      return SyncMode.parse(sync);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The cluster run of {@code train}'s options, regularizers included. Options the cluster path
   * does not carry are refused, naming them, rather than silently dropped.
   */
  ClusterRun run(DataOptions data, NetworkOptions network, TrainingOptions training, SplitOptions splitting,
      RegularizationOptions regularization, boolean batchNorm, CheckpointOptions checkpoint) {
    List<String> refused = new ArrayList<>();
    if (data.test != null) {
      refused.add("--test (give one file and --split TRAIN,DEV,TEST)");
    }
    if (data.labelsFile != null || data.label != null || data.regression || data.format != null
        || data.hdf5Features != null || data.hdf5Labels != null) {
      refused.add("--label, --labels, --regression, --format and --hdf5-* (the label is the last column of the CSV or Parquet data)");
    }
    if (!refused.isEmpty()) {
      throw new UsageException("--spark " + master + ": training on Spark does not take " + String.join("; ", refused)
          + " yet; drop them or train without --spark");
    }
    SyncMode mode = syncMode();
    double[] keep = regularization.regularizer.keepProbs(network.hidden);
    boolean uniform = Arrays.stream(keep).distinct().count() <= 1;
    List<Double> perLayer = new ArrayList<>();
    for (double k : keep) {
      perLayer.add(k);
    }
    double lambda = regularization.regularizer.l2 == null ? 0 : regularization.regularizer.l2;
    TrainingSettings settings = RunOptions.settings(network, training, lambda, uniform && keep.length > 0 ? keep[0] : 1);
    double[] ratios = splitting.ratios(false);
    Regularizers regularizers = new Regularizers(regularization.regularizer.l1, uniform ? List.of() : perLayer, batchNorm,
        regularization.augment, null, regularization.earlyStopping(ratios.length > 1 && ratios[1] > 0, true, ratios));
    List<Double> split = new ArrayList<>();
    for (double r : ratios) {
      split.add(r);
    }
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("data", data.data);
    recorded.put("hidden", network.spec().hidden());
    recorded.put("activation", network.spec().activation().label());
    recorded.put("init", network.spec().init().toString());
    recorded.put("batch_norm", batchNorm);
    recorded.put("optimizer", training.transform().describe());
    recorded.put("batch_size", training.batchSize() == 0 ? "full" : training.batchSize());
    recorded.put("epochs", training.epochs);
    recorded.put("seed", training.seed);
    recorded.put("normalize", splitting.normalize());
    recorded.put("precision", training.precision().name());
    recorded.put("spark", master);
    recorded.put("sync", mode.toString());
    return new ClusterRun(data.data, split, splitting.normalize(), data.classes == null ? List.of() : data.classes, settings,
        regularizers, mode, recorded);
  }

  /** The recipe a checkpoint of {@code run} records, which {@code descent resume} reads back: {@code {"cluster": …, "spark": MASTER}}. */
  static com.fasterxml.jackson.databind.node.ObjectNode recipe(ClusterRun run, String master) {
    com.fasterxml.jackson.databind.node.ObjectNode recipe = Report.object();
    recipe.set("cluster", run.toJson());
    recipe.put("spark", master);
    return recipe;
  }

  /** The backend of the descent-spark module, found on the class path only when --spark is given. */
  ClusterBackend backend() {
    return backend(master);
  }

  static ClusterBackend backend(String master) {
    for (ClusterBackend backend : ServiceLoader.load(ClusterBackend.class)) {
      if (backend.name().equals("spark")) {
        return backend;
      }
    }
    throw new DescentException("--spark " + master + ": the Spark module (descent-spark) is not on the class path; "
        + "run through ./descent, which builds and loads it when --spark is given, or spark-submit descent-spark/target/descent-spark-app.jar");
  }
}
