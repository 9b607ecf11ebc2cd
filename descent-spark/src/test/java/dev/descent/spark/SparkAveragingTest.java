package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.data.generate.BuiltInData;
import dev.descent.data.generate.GeneratorOptions;
import dev.descent.run.ClusterRun;
import dev.descent.run.Regularizers;
import dev.descent.run.RunResult;
import dev.descent.run.SyncMode;
import dev.descent.run.TrainingSettings;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sync average:K} converges to within a point of {@code --sync every-step}'s dev
 * accuracy on moons and on data of sklearn's digits' size (1 797 examples of 8×8 pixels in 0–16,
 * 10 classes; drawn here from seeded prototypes, since sklearn's set is not in Java).
 */
class SparkAveragingTest {
  @TempDir
  Path dir;

  @Test
  void averagingConvergesOnMoonsToWithinAPointOfEveryStep() throws IOException {
    Dataset moons = BuiltInData.generate("moons", GeneratorOptions.seed(3).withExamples(1000).withNoise(0.2));
    Path csv = dir.resolve("moons.csv");
    write(csv, moons.features().rows(), moons.featureCount(), (i, j) -> moons.features().get(i, j), moons.classNames(), moons::label);
    compare(csv, "16-8", 0.03, 128, 20, 0.85);
  }

  @Test
  void averagingConvergesOnDigitsSizedDataToWithinAPointOfEveryStep() throws IOException {
    int m = 1797;
    int pixels = 64;
    Rng rng = Rng.of(11);
    double[][] prototypes = new double[10][pixels];
    for (double[] p : prototypes) {
      for (int j = 0; j < pixels; j++) {
        p[j] = rng.nextDouble() < 0.3 ? 10 + 6 * rng.nextDouble() : 2 * rng.nextDouble();
      }
    }
    int[] labels = new int[m];
    double[][] x = new double[m][pixels];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 10;
      for (int j = 0; j < pixels; j++) {
        x[i][j] = Math.rint(Math.min(16, Math.max(0, prototypes[labels[i]][j] + 14 * rng.nextGaussian())));
      }
    }
    Path csv = dir.resolve("digits.csv");
    write(csv, m, pixels, (i, j) -> x[i][j], List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), i -> labels[i]);
    compare(csv, "32", 0.01, 64, 20, 0.75);
  }

  interface Cell {
    double at(int i, int j);
  }

  static void write(Path csv, int m, int n, Cell x, List<String> classes, java.util.function.IntUnaryOperator label) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        text.append(String.format(Locale.ROOT, "%.6f,", x.at(i, j)));
      }
      text.append(classes.get(label.applyAsInt(i))).append('\n');
    }
    Files.writeString(csv, text);
  }

  static void compare(Path csv, String hidden, double lr, int batch, int epochs, double learned) {
    TrainingSettings settings = TrainingSettings.defaults().with(Map.of("hidden", hidden, "lr", lr, "batch-size", batch, "epochs", epochs))
        .withSeed(5);
    RunResult every = SparkBackend.train("local[2]", run(csv, settings, "every-step"), List.of(), new SparkConf());
    RunResult averaged = SparkBackend.train("local[2]", run(csv, settings, "average:4"), List.of(), new SparkConf());
    System.out.println(csv.getFileName() + ": dev accuracy every-step " + every.dev().accuracy() + ", average:4 " + averaged.dev().accuracy());
    assertTrue(every.dev().accuracy() > learned, "every-step learned: " + every.dev().accuracy());
    assertTrue(averaged.dev().accuracy() >= every.dev().accuracy() - 0.01,
        "average:4 " + averaged.dev().accuracy() + " within a point of every-step " + every.dev().accuracy());
  }

  static ClusterRun run(Path csv, TrainingSettings settings, String sync) {
    return new ClusterRun(csv.toString(), List.of(60.0, 20.0, 20.0), true, List.of(), settings, Regularizers.NONE, SyncMode.parse(sync), Map.of());
  }
}
