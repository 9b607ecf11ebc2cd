package dev.descent.cli.experiment;

import java.util.Map;

/**
 * One row of an experiment's table; {@code extra} holds experiment-specific columns (e.g.
 * epochs to a target), NaN accuracies where a set is absent.
 */
public record RunRow(String name, double trainAccuracy, double testAccuracy, double finalCost, double seconds,
    Map<String, Object> extra) {
  public RunRow {
    extra = Map.copyOf(extra);
  }
}
