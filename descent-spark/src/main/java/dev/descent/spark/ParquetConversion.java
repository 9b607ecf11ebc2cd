package dev.descent.spark;

import dev.descent.DescentException;
import dev.descent.run.ClusterConversion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code descent convert FILE --to parquet}: the executors read the CSV ({@link ClusterSource},
 * the rules of {@code train --spark}) and write one Parquet part file per partition, in the CSV's
 * order: the feature columns by their header names (FLOAT or DOUBLE), then {@code label}
 * (STRING). Written to a hidden sibling directory and renamed into place once complete, so a
 * failed conversion leaves no directory behind and {@code --force} replaces an old one only then.
 */
final class ParquetConversion {
  private ParquetConversion() {}

  static ClusterConversion.Result write(JavaSparkContext spark, ClusterConversion conversion) {
    Path out;
    FileSystem fs;
    try {
      fs = new Path(conversion.out()).getFileSystem(spark.hadoopConfiguration());
      out = fs.makeQualified(new Path(conversion.out()));   // a relative --out has a parent to write the hidden directory in
      if (fs.exists(out) && !conversion.force() && (!fs.getFileStatus(out).isDirectory() || fs.listStatus(out).length > 0)) {
        throw new DescentException("--out " + conversion.out() + ": exists and is not empty; give --force to replace it "
            + "(only once the new one is complete) or choose another directory");
      }
    } catch (IOException e) {
      throw new DescentException("--out " + conversion.out() + ": " + e.getMessage());
    }
    ClusterSource source = ClusterSource.csv(spark, conversion.data());
    if (source.featureNames().contains("label")) {
      throw new DescentException(conversion.data() + ": a feature column is named 'label', the name of the label's column in Parquet; "
          + "rename it in the header");
    }
    List<StructField> fields = new ArrayList<>();
    DataType type = conversion.float64() ? DataTypes.DoubleType : DataTypes.FloatType;
    for (String name : source.featureNames()) {
      fields.add(DataTypes.createStructField(name, type, false));
    }
    fields.add(DataTypes.createStructField("label", DataTypes.StringType, false));
    boolean float64 = conversion.float64();
    JavaRDD<Row> rows = source.examples().map(e -> {
      Object[] values = new Object[e.features().length + 1];
      for (int j = 0; j < e.features().length; j++) {
        values[j] = float64 ? (Object) e.features()[j] : (Object) (float) e.features()[j];
      }
      values[values.length - 1] = e.label();
      return RowFactory.create(values);
    });
    SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    Path partial = new Path(out.getParent(), "." + out.getName() + ".partial-" + java.util.UUID.randomUUID());
    try {
      SparkFailures.run(() -> {
        session.createDataFrame(rows, DataTypes.createStructType(fields)).write().parquet(partial.toString());
        return null;
      });
      long examples = session.read().parquet(partial.toString()).count();
      int files = 0;
      for (FileStatus f : fs.listStatus(partial)) {
        files += f.getPath().getName().endsWith(".parquet") ? 1 : 0;
      }
      if (fs.exists(out) && !fs.delete(out, true)) {
        throw new DescentException("--out " + conversion.out() + ": could not remove the old directory to replace it");
      }
      if (!fs.rename(partial, out)) {
        throw new DescentException("--out " + conversion.out() + ": could not move the converted data into place from " + partial);
      }
      return new ClusterConversion.Result(conversion.out(), examples, source.featureNames(), files);
    } catch (IOException e) {
      throw new DescentException("--out " + conversion.out() + ": " + e.getMessage());
    } finally {
      try {
        fs.delete(partial, true);
      } catch (IOException e) {
        // NOTE: nothing to add to the failure being reported; the hidden directory is named in no output
      }
    }
  }
}
