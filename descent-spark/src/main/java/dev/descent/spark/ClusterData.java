package dev.descent.spark;

import dev.descent.DescentException;
import dev.descent.data.ColumnMoments;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.data.Standardizer;
import dev.descent.data.io.CsvCells;
import dev.descent.run.ClusterRun;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A CSV data set read by the executors and split, standardized and cached there as a local run
 * splits and standardizes it: the driver sees the first line (header or not), the number of
 * examples and the distinct labels, fits nothing itself and holds only the split's example
 * codes (a broadcast of 4 bytes an example) and the merged column moments.
 *
 * <ol>
 *   <li>count the examples and their distinct labels with the line of first appearance (one pass);
 *   <li>{@code Split.indices} with the run's seed, as a resident or mapped set is split;
 *   <li>each partition's moments of its training rows, merged by Chan's formula (one pass);
 *   <li>each partition parsed into a {@link Shard}, standardized, cached in executor memory.
 * </ol>
 */
final class ClusterData {
  final JavaRDD<Shard> shards;
  final int[] sizes;
  final List<String> featureNames;
  final List<String> classNames;
  final Standardizer standardizer;

  private ClusterData(JavaRDD<Shard> shards, int[] sizes, List<String> featureNames, List<String> classNames, Standardizer standardizer) {
    this.shards = shards;
    this.sizes = sizes;
    this.featureNames = featureNames;
    this.classNames = classNames;
    this.standardizer = standardizer;
  }

  static ClusterData read(JavaSparkContext spark, ClusterRun run, Precision precision) {
    String path = run.data();
    JavaRDD<String> lines = spark.textFile(path, spark.defaultParallelism());
    String first;
    try {
      first = lines.first();
    } catch (Exception e) {   // Hadoop's InvalidInputException is a checked IOException, thrown through Scala
      throw new DescentException(path + ": Spark cannot read it: " + SparkFailures.message(e)
          + "; give a CSV file or directory the executors can read (file://, hdfs://, s3a://)");
    }
    CsvLines layout = CsvLines.of(path, first);
    JavaPairRDD<String, Long> indexed = lines.zipWithIndex();
    List<Tuple2<Long, HashMap<String, Long>>> summaries = SparkFailures.run(() -> indexed.mapPartitions(part -> {
      long count = 0;
      HashMap<String, Long> labels = new HashMap<>();
      while (part.hasNext()) {
        Tuple2<String, Long> line = part.next();
        if (layout.example(line._2()) < 0) {
          continue;
        }
        String[] cells = layout.cells(line._1(), line._2());
        for (int j = 0; j < layout.columns() - 1; j++) {
          layout.feature(cells, j, line._2());
        }
        labels.merge(CsvLines.label(cells), line._2(), Math::min);
        count++;
      }
      return List.of(new Tuple2<>(count, labels)).iterator();
    }).collect());
    long total = 0;
    Map<String, Long> firstLine = new HashMap<>();
    for (Tuple2<Long, HashMap<String, Long>> s : summaries) {
      total += s._1();
      s._2().forEach((label, line) -> firstLine.merge(label, line, Math::min));
    }
    if (total == 0) {
      throw new DescentException(path + ": no examples" + (layout.header() ? " after the header" : ""));
    }
    if (total > Integer.MAX_VALUE / 3) {
      throw new DescentException(path + ": " + total + " examples; at most " + Integer.MAX_VALUE / 3 + " can be split");
    }
    int m = (int) total;
    List<String> distinct = new ArrayList<>(firstLine.keySet());
    distinct.sort(Comparator.comparing(firstLine::get));
    List<String> classNames = CsvCells.classNames(distinct, path);
    List<String> featureNames = new ArrayList<>(layout.featureNames(first));
    Split.Indices parts = Split.indices(m, run.ratios(), Rng.of(run.training().seed()).fork("split", 0));
    int[] codes = new int[m];
    int[][] byPart = {parts.train(), parts.dev(), parts.test()};
    for (int part = 0; part < 3; part++) {
      for (int pos = 0; pos < byPart[part].length; pos++) {
        codes[byPart[part][pos]] = pos * 3 + part;
      }
    }
    Broadcast<int[]> split = spark.broadcast(codes);
    Standardizer standardizer = null;
    if (run.normalize()) {
      List<double[]> moments = SparkFailures.run(() -> indexed.mapPartitions(part -> {
        ColumnMoments sum = new ColumnMoments(layout.columns() - 1);
        Rows rows = Rows.parse(part, layout, split.value(), 0, precision);
        sum.add(rows.features, rows.count);
        return List.of(sum.toArray()).iterator();
      }).collect());
      ColumnMoments all = new ColumnMoments(layout.columns() - 1);
      for (double[] part : moments) {
        all.merge(ColumnMoments.fromArray(part));
      }
      standardizer = all.standardizer();
    }
    // plain arrays into the closure: core's records are not Java-serializable
    double[] mean = standardizer == null ? null : standardizer.mean();
    double[] std = standardizer == null ? null : standardizer.std();
    List<String> classes = new ArrayList<>(classNames);
    JavaRDD<Shard> shards = indexed.mapPartitionsWithIndex((index, part) -> {
      List<Tuple2<String, Long>> all = new ArrayList<>();
      part.forEachRemaining(all::add);
      Dataset[] sets = new Dataset[3];
      int[] trainPositions = null;
      for (int p = 0; p < 3; p++) {
        Rows rows = Rows.parse(all.iterator(), layout, split.value(), p, precision);
        int[] labels = new int[rows.count];
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
          classIndex.put(classes.get(c), c);
        }
        for (int i = 0; i < rows.count; i++) {
          Integer c = classIndex.get(rows.labels[i]);
          if (c == null) {
            throw new DescentException(path + " line " + (rows.lines[i] + 1) + ": label '" + rows.labels[i]
                + "' is not among the driver's classes " + classes + "; did the data change while it was read?");
          }
          labels[i] = c;
        }
        Matrix x = rows.features;
        if (mean != null) {
          new Standardizer(mean, std).applyInPlace(x);
        }
        sets[p] = Dataset.classification(path + " (" + Shard.sets().get(p) + ", partition " + index + ")", x, labels, classes, featureNames);
        if (p == 0) {
          trainPositions = rows.positions;
        }
      }
      return List.of(new Shard(index, sets[0], trainPositions, sets[1], sets[2])).iterator();
    }, true).persist(StorageLevel.MEMORY_ONLY());
    SparkFailures.run(shards::count);
    return new ClusterData(shards, new int[] {parts.train().length, parts.dev().length, parts.test().length}, featureNames, classNames,
        standardizer);
  }

  /** The rows of one part (0 train, 1 dev, 2 test) of a partition, in ascending position within that part. */
  static final class Rows {
    final Matrix features;
    final String[] labels;
    final int[] positions;
    final long[] lines;
    final int count;

    private Rows(Matrix features, String[] labels, int[] positions, long[] lines, int count) {
      this.features = features;
      this.labels = labels;
      this.positions = positions;
      this.lines = lines;
      this.count = count;
    }

    static Rows parse(Iterator<Tuple2<String, Long>> part, CsvLines layout, int[] codes, int wanted, Precision precision) {
      List<Tuple2<String, Long>> mine = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      while (part.hasNext()) {
        Tuple2<String, Long> line = part.next();
        long example = layout.example(line._2());
        if (example < 0 || codes[(int) example] % 3 != wanted) {
          continue;
        }
        mine.add(line);
        positions.add(codes[(int) example] / 3);
      }
      Integer[] order = new Integer[mine.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator.comparing(positions::get));
      int n = layout.columns() - 1;
      Matrix x = Matrix.zeros(precision, order.length, n);
      String[] labels = new String[order.length];
      int[] sortedPositions = new int[order.length];
      long[] lines = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        Tuple2<String, Long> line = mine.get(order[i]);
        String[] cells = layout.cells(line._1(), line._2());
        for (int j = 0; j < n; j++) {
          x.set(i, j, layout.feature(cells, j, line._2()));
        }
        labels[i] = CsvLines.label(cells);
        sortedPositions[i] = positions.get(order[i]);
        lines[i] = line._2();
      }
      return new Rows(x, labels, sortedPositions, lines, order.length);
    }
  }
}
