/**
 * Hyper-parameter search on Apache Spark: {@link dev.descent.spark.SparkExecutor} runs each trial
 * as a Spark task (plain data in: id, params, seed, round and the run's recipe as JSON; plain data
 * out: the trial's journal line), and the driver appends each result to the journal, which stays
 * the single source of truth. Found by the command line through {@link java.util.ServiceLoader}
 * ({@link dev.descent.spark.SparkBackend}), so that {@code descent} does not carry Spark unless
 * {@code --spark} is given. No other module knows Spark.
 */
package dev.descent.spark;
