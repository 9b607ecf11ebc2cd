package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent convert --to parquet, and descent train --spark on the Parquet it writes: the model of a local run on the CSV. */
class ParquetTest {
  @TempDir
  static Path dir;
  static Path csv;
  static Path parquet;
  static JsonNode converted;

  @BeforeAll
  static void convert() throws IOException {
    csv = dir.resolve("three.csv");
    SparkTrainTest.writeThreeClasses(csv);
    parquet = dir.resolve("three.parquet");
    SparkTrainTest.Run run = SparkTrainTest.cli(List.of("convert", csv.toString(), "--to", "parquet", "--dtype", "f64", "--spark", "local[2]",
        "--out", parquet.toString(), "--json"));
    assertEquals(0, run.code(), run.err());
    converted = run.json();
  }

  static List<Path> parts(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void convertWritesOnePartFilePerPartitionAndNothingElseBeside() throws IOException {
    assertEquals(600, converted.get("examples").asInt());
    assertEquals(5, converted.get("features").asInt());
    assertEquals("float64", converted.get("dtype").asText());
    assertEquals(parts(parquet).size(), converted.get("files").asInt());
    assertTrue(converted.get("files").asInt() >= 2, "local[2] reads the CSV in two partitions at least");
    try (Stream<Path> beside = Files.list(dir)) {
      assertEquals(List.of(), beside.filter(f -> f.getFileName().toString().startsWith(".three.parquet")).toList(), "no partial directory left");
    }
  }

  @Test
  void trainingOnTheParquetIsTrainingOnTheCsvLocally() throws IOException {
    SparkTrainTest.Run local = SparkTrainTest.cli(SparkTrainTest.train(csv, dir.resolve("local"), "f64"));
    SparkTrainTest.Run spark = SparkTrainTest.cli(SparkTrainTest.train(parquet, dir.resolve("spark"), "f64", "--spark", "local[2]"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, spark.code(), spark.err());
    double d = SparkTrainTest.relativeDifference(SparkTrainTest.model(dir.resolve("local")), SparkTrainTest.model(dir.resolve("spark")));
    System.out.println("parquet float64 relative difference " + d);
    assertTrue(d <= 1e-9, "relative difference " + d);
    assertEquals(local.json().get("dev").get("confusion"), spark.json().get("dev").get("confusion"));
    assertEquals(SparkTrainTest.model(dir.resolve("local")).classNames(), SparkTrainTest.model(dir.resolve("spark")).classNames());
    assertEquals(List.of("a", "b", "c", "d", "e"), SparkTrainTest.model(dir.resolve("spark")).featureNames());
  }

  @Test
  void badParquetInputIsOneLine() throws IOException {
    Path missing = dir.resolve("nowhere.parquet");
    SparkTrainTest.Run gone = SparkTrainTest.cli(List.of("train", "--data", missing.toString(), "--spark", "local[1]", "--out",
        dir.resolve("bad").toString()));
    assertEquals(1, gone.code(), gone.err());
    assertEquals("descent: " + missing + ": Spark cannot read it: [PATH_NOT_FOUND] Path does not exist: file:" + missing
        + ". SQLSTATE: 42K03; give a CSV or Parquet file or directory the executors can read (file://, hdfs://, s3a://)",
        SparkTrainTest.error(gone));

    // two files of other columns in one directory: the rows of the narrower one have no value in the other's column
    Path narrow = dir.resolve("narrow.csv");
    Files.writeString(narrow, "a,label\n1,x\n2,y\n");
    Path wide = dir.resolve("wide.csv");
    Files.writeString(wide, "a,b,label\n1,2,x\n3,4,y\n");
    Path ragged = dir.resolve("ragged");
    Files.createDirectories(ragged);
    for (Path source : List.of(narrow, wide)) {
      Path out = dir.resolve(source.getFileName() + ".parquet");
      SparkTrainTest.Run run = SparkTrainTest.cli(List.of("convert", source.toString(), "--to", "parquet", "--spark", "local[1]", "--out", out.toString()));
      assertEquals(0, run.code(), run.err());
      List<Path> files = parts(out);
      assertEquals(1, files.size());
      Files.copy(files.get(0), ragged.resolve(source.getFileName().toString().replace(".csv", ".parquet")));
    }
    SparkTrainTest.Run uneven = SparkTrainTest.cli(List.of("train", "--data", ragged.toString(), "--spark", "local[1]", "--out",
        dir.resolve("bad").toString()));
    assertEquals(1, uneven.code(), uneven.err());
    assertEquals("descent: file:" + ragged.resolve("narrow.parquet") + " row 1: no value in column 'b'; every file must hold the data's 3 "
        + "columns (2 numeric features and the label) with a value in each", SparkTrainTest.error(uneven));

    SparkTrainTest.Run unseen = SparkTrainTest.cli(List.of("train", "--data", parquet.toString(), "--spark", "local[1]", "--classes", "red,blue",
        "--out", dir.resolve("bad").toString()));
    assertEquals(1, unseen.code(), unseen.err());
    assertTrue(unseen.err().matches("(?s)descent: " + java.util.regex.Pattern.quote(parquet.toString()) + ": label 'green' \\(file:\\S+ row \\d+\\) "
        + "is not among --classes red,blue; name every class, or drop --classes to take them from the data\\s*"), unseen.err());
    assertTrue(!Files.exists(dir.resolve("bad/model.descent")), "nothing written");

    SparkTrainTest.Run again = SparkTrainTest.cli(List.of("convert", csv.toString(), "--to", "parquet", "--spark", "local[1]", "--out", parquet.toString()));
    assertEquals(1, again.code(), again.err());
    assertEquals("descent: --out " + parquet + ": exists and is not empty; give --force to replace it (only once the new one is complete) "
        + "or choose another directory", SparkTrainTest.error(again));
    SparkTrainTest.Run options = SparkTrainTest.cli(List.of("convert", csv.toString(), "--to", "parquet", "--label", "a", "--out",
        dir.resolve("x").toString()));
    assertEquals(2, options.code(), options.err());
    assertEquals("descent: --to parquet converts a numeric CSV whose label is its last column; --format, --label, --labels, --classes, "
        + "--regression and --hdf5-* are for --to npy", SparkTrainTest.error(options));
  }
}
