package dev.descent.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course's bias/variance diagnosis from error rates: avoidable bias = train − Bayes (0 when
 * no Bayes error is given), variance = dev − train (or train-dev − train when a train-dev error
 * is given), data mismatch = dev − train-dev. A gap counts when it exceeds
 * {@link #DEFAULT_TOLERANCE} (one percentage point: the course calls a 1% gap low). The largest
 * gap that counts names the problem, except that avoidable bias and variance both counting, neither at least
 * {@link #DOMINANCE} times the other, is {@link Problem#BOTH}. The remedies are the course's,
 * for every gap that counts, the named problem's first.
 *
 * <pre>{@code
 * import dev.descent.train.Diagnosis.ErrorRates;
 * Diagnosis.of(ErrorRates.of(0.15, 0.16)).problem();                          // AVOIDABLE_BIAS
 * Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.075)).problem();   // VARIANCE
 * Diagnosis.of(ErrorRates.of(0.15, 0.30)).problem();                          // BOTH
 * }</pre>
 *
 * @param dataMismatch null when no train-dev error was given
 */
public record Diagnosis(ErrorRates rates, double tolerance, double avoidableBias, double variance, Double dataMismatch,
    Problem problem, List<String> remedies) {

  /** A gap of more than one percentage point counts. */
  public static final double DEFAULT_TOLERANCE = 0.01;
  /** Of two gaps that count, the larger is named alone when at least this many times the other. */
  public static final double DOMINANCE = 2;
  // 0.16 − 0.15 is 0.010000000000000009, which must not count as more than one point
  private static final double ROUNDING = 1e-12;

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

  /** What to work on; {@link #label()} is the course's name. */
  public enum Problem {
    AVOIDABLE_BIAS, VARIANCE, BOTH, DATA_MISMATCH, NONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public Diagnosis {
    remedies = List.copyOf(remedies);
  }

  public static Diagnosis of(ErrorRates rates) {
    return of(rates, DEFAULT_TOLERANCE);
  }

  /** With another tolerance: the largest gap, as a fraction, that does not count as a problem. */
  public static Diagnosis of(ErrorRates rates, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance = " + tolerance + ": must be in (0, 1); the default is 0.01 (one point)");
    }
    double bayes = rates.bayesError() == null ? 0 : rates.bayesError();
    double bias = rates.trainError() - bayes;
    Double trainDev = rates.trainDevError();
    double variance = (trainDev == null ? rates.devError() : trainDev) - rates.trainError();
    Double mismatch = trainDev == null ? null : rates.devError() - trainDev;
    boolean biasCounts = bias > tolerance + ROUNDING;
    boolean varianceCounts = variance > tolerance + ROUNDING;
    boolean mismatchCounts = mismatch != null && mismatch > tolerance + ROUNDING;
    Problem problem = name(bias, biasCounts, variance, varianceCounts, mismatch == null ? 0 : mismatch, mismatchCounts);
    return new Diagnosis(rates, tolerance, bias, variance, mismatch, problem,
        remedies(problem, biasCounts, varianceCounts, mismatchCounts));
  }

  /** The named problem's remedies, then those of the other gaps that count, without repeats. */
  private static List<String> remedies(Problem problem, boolean bias, boolean variance, boolean mismatch) {
    List<String> out = new ArrayList<>(switch (problem) {
      case AVOIDABLE_BIAS, BOTH -> BIAS_REMEDIES;
      case VARIANCE -> VARIANCE_REMEDIES;
      case DATA_MISMATCH -> MISMATCH_REMEDIES;
      case NONE -> List.<String>of();
    });
    if (bias) {
      out.addAll(BIAS_REMEDIES);
    }
    if (variance) {
      out.addAll(VARIANCE_REMEDIES);
    }
    if (mismatch) {
      out.addAll(MISMATCH_REMEDIES);
    }
    return out.stream().distinct().toList();
  }

  private static Problem name(double bias, boolean biasCounts, double variance, boolean varianceCounts,
      double mismatch, boolean mismatchCounts) {
    double b = biasCounts ? bias : -1;
    double v = varianceCounts ? variance : -1;
    double d = mismatchCounts ? mismatch : -1;
    if (b < 0 && v < 0 && d < 0) {
      return Problem.NONE;
    }
    if (d >= b && d >= v) {
      return Problem.DATA_MISMATCH;
    }
    if (biasCounts && varianceCounts && Math.max(b, v) < DOMINANCE * Math.min(b, v)) {
      return Problem.BOTH;
    }
    return b >= v ? Problem.AVOIDABLE_BIAS : Problem.VARIANCE;
  }

  static final List<String> BIAS_REMEDIES = List.of(
      "train a bigger network (more hidden units or layers)",
      "train longer or with a better optimizer (momentum, RMSprop, Adam)",
      "try another architecture or search the hyperparameters");
  static final List<String> VARIANCE_REMEDIES = List.of(
      "get more training data (or augment it)",
      "regularize (L2, dropout, data augmentation, early stopping)",
      "try another architecture or search the hyperparameters");
  static final List<String> MISMATCH_REMEDIES = List.of(
      "make the training data more like the dev data (collect more like it, or synthesize it)",
      "look at dev errors by hand to see how the training and dev data differ");

  /** A paragraph for people: the gaps, the problem, what to do. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    String reference = rates.bayesError() == null ? "0% (no Bayes error given)"
        : percent(rates.bayesError()) + " Bayes (human-level) error";
    sb.append(String.format(Locale.ROOT, "avoidable bias %s (train error %s − %s)", points(avoidableBias),
        percent(rates.trainError()), reference));
    if (rates.trainDevError() == null) {
      sb.append(variance < 0
          ? String.format(Locale.ROOT, "; no variance (dev error %s is below the train error, by %s)", percent(rates.devError()), points(-variance))
          : String.format(Locale.ROOT, "; variance %s (dev error %s − train error)", points(variance), percent(rates.devError())));
    } else {
      sb.append(String.format(Locale.ROOT, "; variance %s (train-dev error %s − train error); data mismatch %s (dev error %s − train-dev error)",
          points(variance), percent(rates.trainDevError()), points(dataMismatch), percent(rates.devError())));
    }
    sb.append(".\n");
    if (problem == Problem.NONE) {
      sb.append("Problem: none; every gap is at most ").append(points(tolerance)).append(". If the test error is still too high, the dev set may be overfitted (get a bigger one) or the metric may be the wrong one.");
      return sb.toString();
    }
    sb.append("Problem: ").append(problem.label()).append(". Try: ").append(String.join("; ", remedies)).append('.');
    return sb.toString();
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  private static String points(double gap) {
    return String.format(Locale.ROOT, "%.1f points", 100 * gap);
  }
}
