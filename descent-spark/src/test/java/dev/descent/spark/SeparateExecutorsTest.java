package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent train --spark local-cluster[2,1,1024]}: an in-process standalone master and two
 * workers, each starting an executor in its own JVM, so that what travels between the driver and
 * the executors is serialized and loaded by another class loader, as on a real cluster.
 *
 * <p>NOTE: a worker builds the executor's command with Spark's launcher, which wants a Spark home
 * (a {@code jars} directory, empty here, and {@code launcher/target/scala-2.13}). Under {@code
 * spark.testing} the worker takes it from {@code spark.test.home} rather than the environment's
 * {@code SPARK_HOME}, which a test cannot set. The executors get this JVM's class path and module
 * options through {@code spark.executor.extraClassPath} and {@code extraJavaOptions}, passed as
 * system properties, which the CLI's {@code new SparkConf()} reads.
 */
class SeparateExecutorsTest {
  @TempDir
  Path dir;

  @Test
  void everyStepOnExecutorProcessesTrainsTheModelOfALocalRun() throws IOException {
    Path csv = dir.resolve("three.csv");
    SparkTrainTest.writeThreeClasses(csv);
    Path home = Path.of("target", "spark-home").toAbsolutePath();
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spark.testing", "true");
    properties.put("spark.test.home", home.toString());
    properties.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    properties.put("spark.executor.extraJavaOptions", String.join(" ", moduleOptions()));
    properties.put("spark.executor.memory", "512m");
    properties.put("spark.extraListeners", TaskExecutors.class.getName());
    Map<String, String> saved = new LinkedHashMap<>();
    properties.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    SparkTrainTest.Run cluster;
    try {
      cluster = SparkTrainTest.cli(SparkTrainTest.train(csv, dir.resolve("cluster"), "f64", "--spark", "local-cluster[2,1,1024]"));
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
    SparkTrainTest.Run local = SparkTrainTest.cli(SparkTrainTest.train(csv, dir.resolve("local"), "f64"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, cluster.code(), cluster.err());
    double d = SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("local")), SparkTrainTest.model(dir.resolve("cluster")));
    System.out.println("local-cluster float64 relative difference " + d);
    assertTrue(d <= 1e-9, "relative difference " + d);
    assertEquals(local.json().get("dev").get("accuracy").asDouble(), cluster.json().get("dev").get("accuracy").asDouble());
    assertEquals(local.json().get("dev").get("confusion"), cluster.json().get("dev").get("confusion"));
    assertEquals(Set.of("0", "1"), TaskExecutors.IDS, "the tasks ran on the two executor processes, none in the driver");
  }

  /** Records the executor of every finished task (a driver-side listener named by spark.extraListeners). */
  public static final class TaskExecutors extends SparkListener {
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      IDS.add(end.taskInfo().executorId());
    }
  }

  /** This JVM's --add-opens, which Spark needs on Java 17 in the executors too. */
  static List<String> moduleOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).toList();
  }
}
