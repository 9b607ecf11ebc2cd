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
record RunDiagnosis(Diagnosis diagnosis, String errorSet, String diverged) {

  /** What a diverged or exploding run should try first: its error rates say nothing about the network's size. */
  static final String LOWER_LR = "lower the learning rate (e.g. --lr ten times smaller), then read bias and variance again";

  /**
   * The diagnosis, or null for regression or a run with neither dev nor test set. A run whose
   * cost diverged, or whose gradients exploded ({@code exploded}, from the gradient-norm monitor),
   * is diagnosed as such: the remedy is a lower learning rate, not a bigger network.
   */
  static RunDiagnosis of(RunResult r, Double bayesError, boolean exploded) {
    RunDiagnosis d = of(r, bayesError);
    String stop = r.history().stopReason();
    String why = stop.startsWith("cost became") ? stop.replaceAll(" \\(learning rate too high\\?\\).*", "")
        : exploded ? "gradients exploded" : null;
    return d == null || why == null ? d : new RunDiagnosis(d.diagnosis, d.errorSet, why);
  }

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
    return new RunDiagnosis(Diagnosis.of(rates), r.dev() != null ? "dev" : "test", null);
  }

  /** Why there is no diagnosis. */
  static String unavailable(RunResult r) {
    return Double.isNaN(r.train().accuracy()) ? "none for regression (it reads error rates of classifiers)"
        : "none without a dev or test set to compare the training error with";
  }

  /** The problem as JSON names it: avoidable_bias, variance, both, data_mismatch, none. */
  String problem() {
    return diverged != null ? "diverged" : diagnosis.problem().name().toLowerCase(Locale.ROOT);
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
    if (diverged != null) {
      n.put("diverged", diverged);
      remedies.add(LOWER_LR);
    } else {
      diagnosis.remedies().forEach(remedies::add);
    }
    return n;
  }

  String text() {
    if (diverged != null) {
      return "the run diverged (" + diverged + "). Problem: diverged. Try: " + LOWER_LR + ".";
    }
    String text = diagnosis.text();
    return errorSet.equals("dev") ? text : text.replace("dev error", "test error (no dev set)");
  }
}
