package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.autodiff.Variable;
import dev.descent.cli.Main;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.tensor.Matrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent train --spark: the model of a local run, up to summation order. */
class SparkTrainTest {
  @TempDir
  static Path dir;
  static Path csv;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run cli(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** 600 examples of 5 features in 3 named classes, with a header: 360 train, 120 dev, 120 test. */
  @BeforeAll
  static void data() throws IOException {
    csv = dir.resolve("three.csv");
    writeThreeClasses(csv);
  }

  static void writeThreeClasses(Path csv) throws IOException {
    Random random = new Random(5);
    String[] names = {"red", "green", "blue"};
    StringBuilder text = new StringBuilder("a,b,c,d,e,colour\n");
    for (int i = 0; i < 600; i++) {
      int c = random.nextInt(3);
      for (int j = 0; j < 5; j++) {
        text.append(String.format(Locale.ROOT, "%.6f,", 10 + (j == c ? 3.0 : 0.0) + random.nextGaussian() * (1 + 0.2 * j)));
      }
      text.append(names[c]).append('\n');
    }
    Files.writeString(csv, text);
  }

  /** 4 epochs of 6 batches (64 × 5 and 40): 24 steps. */
  static List<String> train(String out, String precision, String... extra) {
    return train(csv, dir.resolve(out), precision, extra);
  }

  static List<String> train(Path csv, Path out, String precision, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", csv.toString(), "--hidden", "8,4", "--optimizer", "adam", "--lr", "0.01",
        "--batch-size", "64", "--epochs", "4", "--seed", "7", "--precision", precision, "--out", out.toString(), "--json"));
    args.addAll(List.of(extra));
    return args;
  }

  static Model model(String out) {
    return model(dir.resolve(out));
  }

  static Model model(Path out) {
    return ModelFile.read(out.resolve("model.descent"));
  }

  /** The largest |a − b| of each parameter over its largest |a|. */
  static double relativeDifference(Model a, Model b) {
    List<Variable> pa = a.network().parameters();
    List<Variable> pb = b.network().parameters();
    assertEquals(pa.size(), pb.size());
    double worst = 0;
    for (int i = 0; i < pa.size(); i++) {
      Matrix x = pa.get(i).value();
      Matrix y = pb.get(i).value();
      double diff = 0;
      double scale = 0;
      for (int k = 0; k < x.size(); k++) {
        diff = Math.max(diff, Math.abs(x.getFlat(k) - y.getFlat(k)));
        scale = Math.max(scale, Math.abs(x.getFlat(k)));
      }
      worst = Math.max(worst, diff / scale);
    }
    return worst;
  }

  @Test
  void everyStepTrainsTheModelOfALocalRunInFloat64() throws IOException {
    Run local = cli(train("local64", "f64"));
    Run spark = cli(train("spark64", "f64", "--spark", "local[2]"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    double d = relativeDifference(model("local64"), model("spark64"));
    System.out.println("float64 relative difference " + d);
    assertTrue(d <= 1e-9, "relative difference " + d);
    assertEquals(local.json().get("dev").get("accuracy").asDouble(), spark.json().get("dev").get("accuracy").asDouble());
    assertEquals(local.json().get("dev").get("cost").asDouble(), spark.json().get("dev").get("cost").asDouble(), 1e-9);
    assertEquals(local.json().get("dev").get("confusion"), spark.json().get("dev").get("confusion"));
    assertEquals(model("local64").classNames(), model("spark64").classNames());
    assertEquals(model("local64").featureNames(), model("spark64").featureNames());
  }

  @Test
  void everyStepTrainsTheModelOfALocalRunInFloat32() {
    Run local = cli(train("local32", "f32"));
    Run spark = cli(train("spark32", "f32", "--spark", "local[2]"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    double d = relativeDifference(model("local32"), model("spark32"));
    System.out.println("float32 relative difference " + d);
    assertTrue(d <= 1e-4, "relative difference " + d);
  }

  static dev.descent.run.ClusterRun recipe(String sync, int epochs) {
    dev.descent.run.TrainingSettings settings = dev.descent.run.TrainingSettings.defaults().with(java.util.Map.of("hidden", "8-4", "lr", 0.01,
        "batch-size", 64, "epochs", epochs)).withSeed(7);
    return new dev.descent.run.ClusterRun(csv.toString(), List.of(60.0, 20.0, 20.0), true, List.of(), settings,
        dev.descent.run.Regularizers.NONE, dev.descent.run.SyncMode.parse(sync),
        java.util.Map.of());
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheResultIsTheSame() {
    dev.descent.run.RunResult calm = SparkBackend.train("local[2]", recipe("every-step", 2), List.of(), new org.apache.spark.SparkConf());
    int injected = SparkTraining.INJECTED.get();
    // local[2,2]: two threads, each task tried up to twice; partition 0's first attempt at step 7 fails
    dev.descent.run.RunResult retried = SparkBackend.train("local[2,2]", recipe("every-step", 2), List.of(),
        new org.apache.spark.SparkConf().set(SparkTraining.FAIL_ONCE_AT_STEP, "7"));
    assertEquals(1, SparkTraining.INJECTED.get() - injected, "the first attempt at step 7 failed");
    assertEquals(0, relativeDifference(calm.model(), retried.model()), "bit for bit: a partition's gradient is a pure function");
  }

  static String error(Run r) {
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    return lines[0];
  }

  @Test
  void badInputIsOneLine() throws IOException {
    Run missing = cli(List.of("train", "--data", dir.resolve("nowhere.csv").toString(), "--spark", "local[1]", "--out", dir.resolve("bad").toString()));
    assertEquals(1, missing.code(), missing.err());
    assertEquals("descent: " + dir.resolve("nowhere.csv") + ": Spark cannot read it: Input path does not exist: file:" + dir.resolve("nowhere.csv")
        + "; give a CSV or Parquet file or directory the executors can read (file://, hdfs://, s3a://)", error(missing));

    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "1,2,a\n3,4,b\n5,6,a\n7,b\n");
    Run uneven = cli(List.of("train", "--data", ragged.toString(), "--spark", "local[1]", "--out", dir.resolve("bad").toString()));
    assertEquals(1, uneven.code(), uneven.err());
    assertEquals("descent: " + ragged + " line 4: expected 3 columns, found 2", error(uneven));

    Run sync = cli(List.of("train", "--data", csv.toString(), "--spark", "local[1]", "--sync", "average:0"));
    assertEquals(2, sync.code(), sync.err());
    assertEquals("descent: --sync average:0: K = 0 must be at least 1; accepted: every-step, or average:K with K ≥ 1 local steps "
        + "between averages (e.g. average:8)", error(sync));
    Run word = cli(List.of("train", "--data", csv.toString(), "--sync", "sometimes"));
    assertEquals(2, word.code(), word.err());
    assertEquals("descent: --sync sometimes: unknown synchronisation; accepted: every-step, or average:K with K ≥ 1 local steps "
        + "between averages (e.g. average:8)", error(word));

    // refused by the connection, not by a timeout: the message names "Connection refused"
    Run unreachable = cli(List.of("train", "--data", csv.toString(), "--spark", "spark://127.0.0.1:1"));
    assertEquals(1, unreachable.code(), unreachable.err());
    assertEquals("descent: --spark spark://127.0.0.1:1: cannot reach the Spark master at 127.0.0.1:1 (Connection refused); start it "
        + "(sbin/start-master.sh) or check the address, or use --spark local[N] to run Spark in this process", error(unreachable));

    Run twoFiles = cli(List.of("train", "--data", csv.toString(), "--test", csv.toString(), "--spark", "local[1]"));
    assertEquals(2, twoFiles.code(), twoFiles.err());
    assertEquals("descent: --spark local[1]: training on Spark does not take --test (give one file and --split TRAIN,DEV,TEST) yet; "
        + "drop them or train without --spark", error(twoFiles));
    assertTrue(!Files.exists(dir.resolve("bad/model.descent")), "nothing written");
  }
}
