package dev.descent.spark;

import dev.descent.DescentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A data set as the executors read it with Spark's own readers: a numeric CSV ({@code textFile},
 * the label in the last column) or Parquet (Spark's Parquet reader; numeric feature columns, the
 * label in the last column, as {@code descent convert --to parquet} writes it). Either way an
 * RDD of {@link Example}s in the data's order, never collected on the driver.
 *
 * <p>A Parquet example's index is its row index within its file ({@code _metadata.row_index})
 * plus the rows of the files before it in path order: the order of the part files a conversion
 * wrote, so that a converted CSV is split and batched as the CSV itself. The files are read with
 * {@code mergeSchema}, so a file with other columns than the rest shows as rows without a value
 * in some column, reported by file and row.
 *
 * @param featureNames the columns before the label
 */
record ClusterSource(String path, JavaRDD<Example> examples, List<String> featureNames) {

  /** Parquet when {@code path} names a {@code .parquet} file or a directory holding one, else CSV. */
  static ClusterSource open(JavaSparkContext spark, String path) {
    return isParquet(spark, path) ? parquet(spark, path) : csv(spark, path);
  }

  static boolean isParquet(JavaSparkContext spark, String path) {
    if (path.endsWith(".parquet") || path.endsWith(".parquet/")) {
      return true;
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.hadoopConfiguration());
      if (!fs.exists(p) || !fs.getFileStatus(p).isDirectory()) {
        return false;
      }
      for (FileStatus f : fs.listStatus(p)) {
        if (f.getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;   // the CSV reader says what is wrong with the path
    }
  }

  static ClusterSource csv(JavaSparkContext spark, String path) {
    JavaRDD<String> lines = spark.textFile(path, spark.defaultParallelism());
    String first;
    try {
      first = lines.first();
    } catch (Exception e) {   // Hadoop's InvalidInputException is a checked IOException, thrown through Scala
      throw unreadable(path, e);
    }
    CsvLines layout = CsvLines.of(path, first);
    JavaRDD<Example> examples = lines.zipWithIndex()
        .filter(line -> layout.example(line._2()) >= 0)
        .map(line -> layout.parse(line._1(), line._2()));
    return new ClusterSource(path, examples, layout.featureNames(first));
  }

  static ClusterSource parquet(JavaSparkContext spark, String path) {
    SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    org.apache.spark.sql.Dataset<Row> frame;
    try {
      frame = session.read().option("mergeSchema", "true").parquet(path);
    } catch (Exception e) {   // AnalysisException (no such path, not Parquet) and Hadoop's IOExceptions
      throw unreadable(path, e);
    }
    StructType schema = frame.schema();
    // the label is the column named "label" (as convert writes it: mergeSchema may have put it before a column that only some files have), else the last
    List<StructField> fields = new ArrayList<>(List.of(schema.fields()));
    int label = fields.size() - 1;
    for (int j = 0; j < fields.size(); j++) {
      label = fields.get(j).name().equals("label") ? j : label;
    }
    fields.add(fields.remove(label));
    if (fields.size() < 2) {
      throw new DescentException(path + ": " + fields.size() + " column; expected features and a label (the column 'label', else the last)");
    }
    List<String> names = new ArrayList<>();
    List<Column> columns = new ArrayList<>(List.of(functions.col("_metadata.file_path"), functions.col("_metadata.row_index")));
    for (int j = 0; j < fields.size(); j++) {
      if (j < fields.size() - 1 && !(fields.get(j).dataType() instanceof NumericType)) {
        throw new DescentException(path + ": column '" + fields.get(j).name() + "' is " + fields.get(j).dataType().simpleString()
            + "; every column but the label (the column 'label', else the last) must be numeric");
      }
      names.add(fields.get(j).name());
      columns.add(functions.col("`" + fields.get(j).name().replace("`", "``") + "`"));
    }
    org.apache.spark.sql.Dataset<Row> rows = frame.select(columns.toArray(Column[]::new));
    List<Row> counts = SparkFailures.run(() -> rows.groupBy("file_path").count().collectAsList());
    List<String> files = new ArrayList<>();
    Map<String, Long> rowsOf = new HashMap<>();
    for (Row r : counts) {
      files.add(r.getString(0));
      rowsOf.put(r.getString(0), r.getLong(1));
    }
    files.sort(null);
    HashMap<String, Long> offsets = new HashMap<>();
    long at = 0;
    for (String f : files) {
      offsets.put(f, at);
      at += rowsOf.get(f);
    }
    Broadcast<HashMap<String, Long>> start = spark.broadcast(offsets);
    List<String> featureNames = List.copyOf(names.subList(0, names.size() - 1));
    String[] all = names.toArray(String[]::new);
    JavaRDD<Example> examples = rows.javaRDD().map(r -> example(r, all, start.value()));
    return new ClusterSource(path, examples, featureNames);
  }

  /** A Parquet row {@code [file, row index, features…, label]} as an example; a missing value names its file and row. */
  private static Example example(Row r, String[] names, Map<String, Long> offsets) {
    String file = r.getString(0);
    long row = r.getLong(1);
    int n = names.length - 1;
    double[] x = new double[n];
    for (int j = 0; j <= n; j++) {
      if (r.isNullAt(j + 2)) {
        throw new DescentException(file + " row " + (row + 1) + ": no value in column '" + names[j] + "'; every file must hold the data's "
            + names.length + " columns (" + n + " numeric features and the label) with a value in each");
      }
    }
    for (int j = 0; j < n; j++) {
      x[j] = ((Number) r.get(j + 2)).doubleValue();
    }
    return new Example(offsets.get(file) + row, x, String.valueOf(r.get(n + 2)), file, row + 1, false);
  }

  private static DescentException unreadable(String path, Exception e) {
    return new DescentException(path + ": Spark cannot read it: " + SparkFailures.message(e)
        + "; give a CSV or Parquet file or directory the executors can read (file://, hdfs://, s3a://)");
  }
}
