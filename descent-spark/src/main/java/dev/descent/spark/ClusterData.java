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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A data set read by the executors ({@link ClusterSource}: CSV or Parquet) and split,
 * standardized and cached there as a local run splits and standardizes it: the driver sees the
 * columns, the number of examples and the distinct labels, fits nothing itself and holds only the split's example
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
    ClusterSource source = ClusterSource.open(spark, path);
    JavaRDD<Example> examples = source.examples();
    List<Tuple2<Long, HashMap<String, Tuple2<Long, String>>>> summaries = SparkFailures.run(() -> examples.mapPartitions(part -> {
      long count = 0;
      HashMap<String, Tuple2<Long, String>> labels = new HashMap<>();
      while (part.hasNext()) {
        Example e = part.next();
        if (!labels.containsKey(e.label()) || labels.get(e.label())._1() > e.index()) {
          labels.put(e.label(), new Tuple2<>(e.index(), e.where()));
        }
        count++;
      }
      return List.of(new Tuple2<>(count, labels)).iterator();
    }).collect());
    long total = 0;
    Map<String, Tuple2<Long, String>> first = new HashMap<>();
    for (Tuple2<Long, HashMap<String, Tuple2<Long, String>>> s : summaries) {
      total += s._1();
      s._2().forEach((label, seen) -> first.merge(label, seen, (a, b) -> a._1() <= b._1() ? a : b));
    }
    if (total == 0) {
      throw new DescentException(path + ": no examples");
    }
    if (total > Integer.MAX_VALUE / 3) {
      throw new DescentException(path + ": " + total + " examples; at most " + Integer.MAX_VALUE / 3 + " can be split");
    }
    int m = (int) total;
    List<String> distinct = new ArrayList<>(first.keySet());
    distinct.sort(Comparator.comparing(label -> first.get(label)._1()));
    List<String> classNames = run.classNames().isEmpty() ? CsvCells.classNames(distinct, path) : checkClasses(path, distinct, first, run.classNames());
    List<String> featureNames = new ArrayList<>(source.featureNames());   // serializable, into the closure
    int n = featureNames.size();
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
      List<double[]> moments = SparkFailures.run(() -> examples.mapPartitions(part -> {
        ColumnMoments sum = new ColumnMoments(n);
        Rows rows = Rows.of(part, n, split.value(), 0, precision);
        sum.add(rows.features, rows.count);
        return List.of(sum.toArray()).iterator();
      }).collect());
      ColumnMoments all = new ColumnMoments(n);
      for (double[] part : moments) {
        all.merge(ColumnMoments.fromArray(part));
      }
      standardizer = all.standardizer();
    }
    // plain arrays into the closure: core's records are not Java-serializable
    double[] mean = standardizer == null ? null : standardizer.mean();
    double[] std = standardizer == null ? null : standardizer.std();
    List<String> classes = new ArrayList<>(classNames);
    JavaRDD<Shard> shards = examples.mapPartitionsWithIndex((index, part) -> {
      List<Example> all = new ArrayList<>();
      part.forEachRemaining(all::add);
      Map<String, Integer> classIndex = new HashMap<>();
      for (int c = 0; c < classes.size(); c++) {
        classIndex.put(classes.get(c), c);
      }
      Dataset[] sets = new Dataset[3];
      int[] trainPositions = null;
      for (int p = 0; p < 3; p++) {
        Rows rows = Rows.of(all.iterator(), n, split.value(), p, precision);
        int[] labels = new int[rows.count];
        for (int i = 0; i < rows.count; i++) {
          Integer c = classIndex.get(rows.examples[i].label());
          if (c == null) {
            throw new DescentException(rows.examples[i].where() + ": label '" + rows.examples[i].label() + "' is not among the driver's classes "
                + classes + "; did the data change while it was read?");
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

  /** {@code given} (--classes), once every label of the data is among them; else one line naming the others and where each first appears. */
  private static List<String> checkClasses(String path, List<String> distinct, Map<String, Tuple2<Long, String>> first, List<String> given) {
    List<String> unseen = new ArrayList<>();
    for (String label : distinct) {
      if (!given.contains(label)) {
        unseen.add("'" + label + "' (" + first.get(label)._2() + ")");
      }
    }
    if (!unseen.isEmpty()) {
      throw new DescentException(path + ": label" + (unseen.size() == 1 ? " " : "s ") + String.join(", ", unseen) + (unseen.size() == 1 ? " is" : " are")
          + " not among --classes " + String.join(",", given) + "; name every class, or drop --classes to take them from the data");
    }
    return given;
  }

  /** The examples of one part (0 train, 1 dev, 2 test) of a partition, in ascending position within that part. */
  static final class Rows {
    final Matrix features;
    final Example[] examples;
    final int[] positions;
    final int count;

    private Rows(Matrix features, Example[] examples, int[] positions, int count) {
      this.features = features;
      this.examples = examples;
      this.positions = positions;
      this.count = count;
    }

    static Rows of(Iterator<Example> part, int n, int[] codes, int wanted, Precision precision) {
      List<Example> mine = new ArrayList<>();
      while (part.hasNext()) {
        Example e = part.next();
        if (codes[(int) e.index()] % 3 == wanted) {
          mine.add(e);
        }
      }
      mine.sort(Comparator.comparingInt(e -> codes[(int) e.index()] / 3));
      Matrix x = Matrix.zeros(precision, mine.size(), n);
      Example[] examples = mine.toArray(Example[]::new);
      int[] positions = new int[examples.length];
      for (int i = 0; i < examples.length; i++) {
        double[] features = examples[i].features();
        for (int j = 0; j < n; j++) {
          x.set(i, j, features[j]);
        }
        positions[i] = codes[(int) examples[i].index()] / 3;
      }
      return new Rows(x, examples, positions, examples.length);
    }
  }
}
