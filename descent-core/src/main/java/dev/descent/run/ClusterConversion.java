package dev.descent.run;

import java.util.List;

/**
 * A conversion done by a cluster ({@code descent convert FILE --to parquet --spark MASTER}): a
 * numeric CSV (the label in its last column) read by the executors and written as a Parquet
 * directory, one part file per partition in the CSV's order, so that training on it splits and
 * batches the examples as training on the CSV does.
 *
 * @param data the CSV as the cluster reads it (a path, {@code file://}, {@code hdfs://}, {@code s3a://})
 * @param out the directory to write; replaced only with {@code force}, and only once the new one is complete
 * @param float64 features as DOUBLE columns; FLOAT (float32) otherwise
 */
public record ClusterConversion(String data, String out, boolean force, boolean float64) {

  /**
   * What was written.
   *
   * @param files the Parquet part files
   */
  public record Result(String out, long examples, List<String> featureNames, int files) {
    public Result {
      featureNames = List.copyOf(featureNames);
    }
  }
}
