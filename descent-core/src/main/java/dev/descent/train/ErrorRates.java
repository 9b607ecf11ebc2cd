package dev.descent.train;

/**
 * The error rates a bias/variance {@link Diagnosis} reads, as fractions in [0, 1] (8% is 0.08):
 * train and dev error, and optionally the Bayes error (human-level performance as its proxy)
 * and the train-dev error (a held-out slice of the training distribution). {@code null} means
 * not given.
 *
 * <pre>{@code
 * ErrorRates.of(0.08, 0.10).withBayesError(0.01);
 * }</pre>
 */
public record ErrorRates(double trainError, double devError, Double bayesError, Double trainDevError) {
  public ErrorRates {
    requireRate("train error", trainError);
    requireRate("dev error", devError);
    if (bayesError != null) {
      requireRate("Bayes error", bayesError);
    }
    if (trainDevError != null) {
      requireRate("train-dev error", trainDevError);
    }
  }

  public static ErrorRates of(double trainError, double devError) {
    return new ErrorRates(trainError, devError, null, null);
  }

  /** With the Bayes (human-level) error, the lowest error reachable. */
  public ErrorRates withBayesError(double bayesError) {
    return new ErrorRates(trainError, devError, bayesError, trainDevError);
  }

  /** With the error on train-dev, data from the training distribution that was not trained on. */
  public ErrorRates withTrainDevError(double trainDevError) {
    return new ErrorRates(trainError, devError, bayesError, trainDevError);
  }

  private static void requireRate(String what, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(what + " = " + rate + ": must be a fraction in [0, 1]"
          + (rate > 1 && rate <= 100 ? "; for " + rate + "% write " + rate / 100 : ""));
    }
  }
}
