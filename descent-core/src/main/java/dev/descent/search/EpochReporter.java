package dev.descent.search;

/**
 * The objective's line back to the search: after each epoch, report the dev metrics; a
 * {@code false} answer means the {@link Pruner} stopped the trial, and the objective should stop
 * training and return what it has. Reporting again after a {@code false} is an error.
 *
 * <pre>{@code
 * for (int epoch = 1; epoch <= epochs; epoch++) {
 *   trainOneEpoch();
 *   if (!reporter.report(epoch, devAccuracy(), devCost())) break;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EpochReporter {

  /**
   * @param epoch epochs completed so far (1 after the first), increasing from call to call
   * @return true to go on, false when the trial is pruned
   */
  boolean report(int epoch, double devAccuracy, double devCost);
}
