package dev.descent.spark;

import dev.descent.run.RunConfig;
import dev.descent.run.TrainingObjective;
import dev.descent.search.Metric;
import dev.descent.search.Status;
import dev.descent.search.TrialRecord;
import dev.descent.search.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The work of one Spark task: trains the trial with the run's recipe and returns its journal
 * line. Each worker JVM prepares the data once per recipe and shares it between its tasks. A
 * trial's own failure (a diverging cost) is a failed record, like on local threads; anything
 * else fails the task, and Spark retries it: the seed makes the retry give the same result.
 *
 * <p>No pruning: a task knows no other trial (see {@link SparkExecutor}).
 */
final class TrialFunction implements Function<TrialTask, String> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, TrainingObjective> OBJECTIVES = new ConcurrentHashMap<>();
  /** Failures injected in this JVM (local mode), so that a test can see its retries happened. */
  static final java.util.concurrent.atomic.AtomicInteger INJECTED = new java.util.concurrent.atomic.AtomicInteger();

  private final String recipe;
  private final String metric;
  private final Set<Integer> failFirstAttempt;

  /** @param failFirstAttempt trial ids whose first attempt fails on purpose, to test Spark's retries; empty otherwise */
  TrialFunction(String recipe, Metric metric, Set<Integer> failFirstAttempt) {
    this.recipe = recipe;
    this.metric = metric.jsonName();
    this.failFirstAttempt = Set.copyOf(failFirstAttempt);
  }

  @Override
  public String call(TrialTask task) {
    TaskContext context = TaskContext.get();
    if (failFirstAttempt.contains(task.id()) && context != null && context.attemptNumber() == 0) {
      INJECTED.incrementAndGet();
      throw new IllegalStateException("trial " + task.id() + ": first attempt failed on purpose (spark.descent.failFirstAttempt)");
    }
    TrainingObjective objective = OBJECTIVES.computeIfAbsent(recipe, text -> {
      RunConfig config = RunConfig.fromJsonText(text);
      return new TrainingObjective(config.data().prepare(config.training().precision()), config.training());
    });
    return run(objective, task, Metric.parse(metric)).toJsonLine();
  }

  /** Runs one trial to its record, reporting every epoch to a curve and never pruning. */
  static TrialRecord run(TrainingObjective objective, TrialTask task, Metric metric) {
    List<Double> curve = new ArrayList<>();
    long start = System.nanoTime();
    TrialResult result = null;
    String error = null;
    try {
      result = objective.run(task.trial(), (epoch, devAccuracy, devCost) -> {
        while (curve.size() < epoch - 1) {
          curve.add(Double.NaN);
        }
        curve.add(metric.maximize() ? devAccuracy : devCost);
        return true;
      });
    } catch (RuntimeException e) {
      error = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (error != null) {
      return new TrialRecord(task.id(), task.round(), task.params(), task.seed(), Status.FAILED, Double.NaN, Double.NaN, curve.size(), seconds,
          curve, error);
    }
    return new TrialRecord(task.id(), task.round(), task.params(), task.seed(), Status.COMPLETE, result.devAccuracy(), result.devCost(),
        result.epochs(), seconds, curve, null);
  }
}
