package dev.descent.search;

/**
 * The dev metric a search optimises, with its direction: {@code dev_accuracy} is maximised,
 * {@code dev_cost} minimised. Everything that compares trials goes through {@link #score}, where
 * higher is better and a NaN (a diverged model) is the worst of all.
 *
 * <pre>{@code
 * Metric.DEV_COST.score(0.3) > Metric.DEV_COST.score(0.5);   // true: lower cost is better
 * }</pre>
 */
public enum Metric {
  DEV_ACCURACY("dev_accuracy", true),
  DEV_COST("dev_cost", false);

  private final String jsonName;
  private final boolean maximize;

  Metric(String jsonName, boolean maximize) {
    this.jsonName = jsonName;
    this.maximize = maximize;
  }

  public static Metric parse(String text) {
    for (Metric m : values()) {
      if (m.jsonName.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("metric \"" + text + "\": must be dev_accuracy (maximised) or dev_cost (minimised)");
  }

  public String jsonName() {
    return jsonName;
  }

  public boolean maximize() {
    return maximize;
  }

  /** This metric's value in a result. */
  public double of(TrialResult result) {
    return maximize ? result.devAccuracy() : result.devCost();
  }

  /** This metric's value in a record (NaN for a failed trial). */
  public double of(TrialRecord record) {
    return maximize ? record.devAccuracy() : record.devCost();
  }

  /** Higher is better: {@code value} to maximise, {@code −value} to minimise; NaN → −∞. */
  public double score(double value) {
    if (Double.isNaN(value)) {
      return Double.NEGATIVE_INFINITY;
    }
    return maximize ? value : -value;
  }
}
