package dev.descent.spark;

import dev.descent.run.ClusterBackend;
import dev.descent.run.ClusterExecutor;
import dev.descent.run.ClusterRun;
import dev.descent.run.RunResult;
import dev.descent.train.Callback;
import java.util.List;
import java.util.function.Function;
import dev.descent.run.PreparedData;
import dev.descent.model.Checkpoint;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import dev.descent.run.RunConfig;
import dev.descent.search.SearchConfig;

/**
 * The "spark" {@link ClusterBackend}, registered in {@code META-INF/services} for {@code descent
 * search --spark MASTER} (trials as tasks) and {@code descent train --spark MASTER} (one network,
 * data-parallel: {@link SparkTraining}).
 */
public final class SparkBackend implements ClusterBackend {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public RunResult train(String master, ClusterRun run, Function<PreparedData, List<Callback>> callbacks) {
    return train(master, run, callbacks, new SparkConf());
  }

  static RunResult train(String master, ClusterRun run, List<Callback> callbacks, SparkConf conf) {
    return train(master, run, data -> callbacks, conf);
  }

  static RunResult train(String master, ClusterRun run, Function<PreparedData, List<Callback>> callbacks, SparkConf conf) {
    return train(master, run, null, callbacks, conf);
  }

  @Override
  public RunResult resume(String master, ClusterRun run, Checkpoint checkpoint, Function<PreparedData, List<Callback>> callbacks) {
    return train(master, run, checkpoint, callbacks, new SparkConf());
  }

  static RunResult train(String master, ClusterRun run, Checkpoint from, Function<PreparedData, List<Callback>> callbacks, SparkConf conf) {
    JavaSparkContext spark = SparkExecutor.context(master, conf, from == null ? "descent train" : "descent resume");
    try {
      return SparkTraining.run(spark, run, from, callbacks);
    } finally {
      spark.stop();
    }
  }

  @Override
  public dev.descent.run.ClusterConversion.Result convert(String master, dev.descent.run.ClusterConversion conversion) {
    JavaSparkContext spark = SparkExecutor.context(master, new SparkConf(), "descent convert");
    try {
      return ParquetConversion.write(spark, conversion);
    } finally {
      spark.stop();
    }
  }

  @Override
  public ClusterExecutor open(String master, RunConfig base, SearchConfig search) {
    return SparkExecutor.connect(master, base, search);
  }
}
