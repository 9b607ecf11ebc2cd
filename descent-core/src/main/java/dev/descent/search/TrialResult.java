package dev.descent.search;

/**
 * What an {@link Objective} hands back: the dev metrics of the model it kept and how many epochs
 * it trained. Use NaN for a metric that does not apply (accuracy of a regression). Whether the
 * trial counts as pruned is known from the {@link EpochReporter}, not from here.
 *
 * <pre>{@code
 * return new TrialResult(0.93, 0.21, 20);   // dev accuracy 93%, dev cost 0.21, after 20 epochs
 * }</pre>
 */
public record TrialResult(double devAccuracy, double devCost, int epochs) {

  public TrialResult {
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs = " + epochs + ": must be 0 or more");
    }
  }
}
