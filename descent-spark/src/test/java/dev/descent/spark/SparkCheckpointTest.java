package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --spark --checkpoint-every, then descent resume on Spark (bit for bit) or locally (up to summation order). */
class SparkCheckpointTest {
  @TempDir
  static Path dir;
  static Path csv;

  @BeforeAll
  static void data() throws IOException {
    csv = dir.resolve("three.csv");
    SparkTrainTest.writeThreeClasses(csv);
  }

  /** The test class's run (8,4 hidden, adam 0.01, batch 64, seed 7, float64) for {@code epochs}, with {@code extra}. */
  static List<String> run(String out, int epochs, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", csv.toString(), "--hidden", "8,4", "--lr", "0.01", "--batch-size", "64",
        "--epochs", Integer.toString(epochs), "--seed", "7", "--precision", "f64", "--out", dir.resolve(out).toString(), "--json"));
    args.addAll(List.of(extra));
    return args;
  }

  static void ok(SparkTrainTest.Run r) {
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void resumedOnSparkEndsBitForBitAsAnUnbrokenRunWithDropoutAndPenalties() throws IOException {
    String[] options = {"--keep-prob", "0.9", "--l2", "0.1", "--spark", "local[2]"};
    ok(SparkTrainTest.cli(run("unbroken", 4, options)));
    ok(SparkTrainTest.cli(run("broken", 2, with(options, "--checkpoint-every", "2"))));
    Path checkpoint = dir.resolve("broken/checkpoint.descent");
    assertTrue(Files.exists(checkpoint));
    SparkTrainTest.Run resumed = SparkTrainTest.cli(List.of("resume", checkpoint.toString(), "--epochs", "4", "--json"));
    ok(resumed);
    assertEquals(4, resumed.json().get("epochs").asInt());
    assertEquals(0, SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("unbroken")), SparkTrainTest.model(dir.resolve("broken"))),
        "bit for bit");
    assertEquals(4, Files.readAllLines(dir.resolve("broken/history.jsonl")).size(), "the history goes on");
  }

  @Test
  void resumedLocallyEndsAsALocalRunUpToSummationOrder() {
    ok(SparkTrainTest.cli(run("local-unbroken", 4)));
    ok(SparkTrainTest.cli(run("spark-broken", 2, "--spark", "local[2]", "--checkpoint-every", "1")));
    SparkTrainTest.Run resumed = SparkTrainTest.cli(List.of("resume", dir.resolve("spark-broken/checkpoint.descent").toString(), "--local",
        "--epochs", "4", "--json"));
    ok(resumed);
    double d = SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("local-unbroken")), SparkTrainTest.model(dir.resolve("spark-broken")));
    System.out.println("spark, then local: float64 relative difference " + d);
    assertTrue(d <= 1e-9, "relative difference " + d);

    SparkTrainTest.Run both = SparkTrainTest.cli(List.of("resume", dir.resolve("spark-broken/checkpoint.descent").toString(), "--local",
        "--spark", "local[2]", "--epochs", "6"));
    assertEquals(2, both.code(), both.err());
    assertEquals("descent: --spark local[2] and --local: give one (on Spark, or in this process)", SparkTrainTest.error(both));
  }

  static String[] with(String[] options, String... more) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
