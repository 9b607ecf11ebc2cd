package dev.descent.spark;

import dev.descent.search.Trial;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What a Spark task receives: a trial as plain values (params are Integer, Long, Double or
 * String) and its round, which the record carries.
 */
record TrialTask(int id, LinkedHashMap<String, Object> params, long seed, int round) implements Serializable {

  static TrialTask of(Trial trial, int round) {
    return new TrialTask(trial.id(), new LinkedHashMap<>(trial.params()), trial.seed(), round);
  }

  Trial trial() {
    return new Trial(id, params, seed);
  }
}
