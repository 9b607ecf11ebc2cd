package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.run.RunResult;
import dev.descent.train.Diagnosis;
import dev.descent.train.Diagnosis.ErrorRates;
import dev.descent.train.Evaluation;
import java.util.Locale;

/**
 * The bias/variance {@link Diagnosis} of a training run: train error and dev error (1 −
 * accuracy; the test set stands in when there is no dev set, and the report says so), with the
 * Bayes error when given.
 *
 * @param errorSet "dev" or "test": the set whose error plays the dev error
 */
record RunDiagnosis(Diagnosis diagnosis, String errorSet) {

  /** The diagnosis, or null for regression or a run with neither dev nor test set. */
  static RunDiagnosis of(RunResult r, Double bayesError) {
    Evaluation held = r.dev() != null ? r.dev() : r.test();
    if (held == null || Double.isNaN(r.train().accuracy()) || Double.isNaN(held.accuracy())) {
      return null;
    }
    ErrorRates rates = ErrorRates.of(1 - r.train().accuracy(), 1 - held.accuracy());
    if (bayesError != null) {
      rates = rates.withBayesError(bayesError);
    }
    return new RunDiagnosis(Diagnosis.of(rates), r.dev() != null ? "dev" : "test");
  }

  /** Why there is no diagnosis. */
  static String unavailable(RunResult r) {
    return Double.isNaN(r.train().accuracy()) ? "none for regression (it reads error rates of classifiers)"
        : "none without a dev or test set to compare the training error with";
  }

  /** The problem as JSON names it: avoidable_bias, variance, both, data_mismatch, none. */
  String problem() {
    return diagnosis.problem().name().toLowerCase(Locale.ROOT);
  }

  ObjectNode json() {
    ObjectNode n = Report.object();
    ErrorRates rates = diagnosis.rates();
    n.put("problem", problem());
    n.put("train_error", rates.trainError());
    n.put("dev_error", rates.devError());
    n.put("dev_error_from", errorSet);
    if (rates.bayesError() == null) {
      n.putNull("bayes_error");
    } else {
      n.put("bayes_error", rates.bayesError());
    }
    n.put("avoidable_bias", diagnosis.avoidableBias());
    n.put("variance", diagnosis.variance());
    n.put("tolerance", diagnosis.tolerance());
    ArrayNode remedies = n.putArray("remedies");
    diagnosis.remedies().forEach(remedies::add);
    return n;
  }

  String text() {
    String text = diagnosis.text();
    return errorSet.equals("dev") ? text : text.replace("dev error", "test error (no dev set)");
  }
}
