package dev.descent.cli.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an experiment's table; {@code extra} holds experiment-specific columns (e.g.
 * epochs to a target), NaN accuracies where a set is absent. Extra columns keep their order, and a
 * null value (e.g. a target never reached) prints as "-" and as JSON null.
 */
public record RunRow(String name, double trainAccuracy, double testAccuracy, double finalCost, double seconds,
    Map<String, Object> extra) {
  public RunRow {
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
