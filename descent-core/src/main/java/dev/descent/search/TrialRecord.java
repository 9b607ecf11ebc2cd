package dev.descent.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished trial as the journal keeps it: plain data, one JSON line each.
 *
 * <pre>
 * {"id":3,"params":{"lr":0.0031},"seed":-4962768465676381896,"dev_accuracy":0.93,"dev_cost":0.21,
 *  "status":"complete","epochs":20,"seconds":1.5,"round":1,"curve":[0.61,0.80,…]}
 * </pre>
 *
 * <p>{@code curve} holds the search metric reported after each epoch (index e − 1 for epoch e;
 * NaN where an epoch was not reported): a resumed search needs it to take the same pruning
 * decisions. NaN metrics are written as JSON null. {@code error} is the failure's message, or
 * null.
 */
public record TrialRecord(
    int id,
    int round,
    Map<String, Object> params,
    long seed,
    Status status,
    double devAccuracy,
    double devCost,
    int epochs,
    double seconds,
    List<Double> curve,
    String error) {

  public TrialRecord {
    if (id < 0 || round < 1 || epochs < 0) {
      throw new IllegalArgumentException("trial record id " + id + ", round " + round + ", epochs " + epochs + ": id and epochs must be 0 or more, round 1 or more");
    }
    if (status == null) {
      throw new IllegalArgumentException("trial " + id + ": status is null; must be complete, pruned or failed");
    }
    if ((status == Status.FAILED) != (error != null)) {
      throw new IllegalArgumentException("trial " + id + ": a failed trial, and only a failed one, carries an error message");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    curve = List.copyOf(curve);
  }

  /** The trial this record ran. */
  public Trial trial() {
    return new Trial(id, params, seed);
  }

  /** This record as a JSON object, fields in the journal's order. */
  public ObjectNode toJson() {
    return TrialJson.write(this);
  }

  /** One journal line, without the newline. */
  public String toJsonLine() {
    return TrialJson.line(this);
  }

  /** Reads a record back; a missing or mistyped field is an IllegalArgumentException naming it. */
  public static TrialRecord fromJson(JsonNode node) {
    return TrialJson.read(node);
  }
}
