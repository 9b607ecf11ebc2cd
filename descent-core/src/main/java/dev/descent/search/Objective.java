package dev.descent.search;

/**
 * Trains one model with a trial's params and seed, reporting the dev metrics each epoch. The
 * training pipeline implements this; the search knows nothing else about models. Must be
 * deterministic given the trial (same params and seed → same metrics) for a search to be
 * reproducible, and safe to call from several threads at once. An exception marks the trial
 * failed (recorded, not rethrown), so a diverging learning rate does not end the search.
 *
 * <pre>{@code
 * Objective parabola = (trial, reporter) -> {
 *   double x = Math.log10((Double) trial.params().get("lr")) + 2.5;
 *   reporter.report(1, -x * x, x * x);
 *   return new TrialResult(-x * x, x * x, 1);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Objective {

  TrialResult run(Trial trial, EpochReporter reporter);
}
