package dev.descent.cli;

import dev.descent.data.io.ImageShape;
import dev.descent.regularize.EarlyStopping;
import dev.descent.run.AugmentSpec;
import dev.descent.run.NetworkSpec;
import dev.descent.run.PreparedData;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent train}'s regularization and diagnosis options: the penalties and dropout of
 * {@link RegularizerOptions}, data augmentation, early stopping on the dev set, and the Bayes
 * (human-level) error for the bias/variance diagnosis.
 */
public final class RegularizationOptions {
  @Mixin
  RegularizerOptions regularizer;

  @Option(names = "--augment", paramLabel = "STEP[,STEP...]",
      description = "Augment the training batches: noise:SD for any features; flip, crop:PAD, shift:PIXELS for images (the "
          + "file's image shape, else square RGB) (default: none).")
  String augment;

  @Option(names = "--early-stopping", paramLabel = "PATIENCE",
      description = "Stop when the dev metric has not improved for PATIENCE epochs; the model keeps the best dev epoch's "
          + "parameters, also when training runs to the end (default: off; needs a dev set).")
  Integer patience;

  @Option(names = "--min-delta", paramLabel = "D",
      description = "Early stopping: the least change of the dev metric that counts as an improvement (default: 0).")
  Double minDelta;

  @Option(names = "--stop-metric", paramLabel = "cost|accuracy",
      description = "Early stopping: the dev metric to watch (default: cost).")
  String stopMetric;

  @Option(names = "--bayes-error", paramLabel = "E",
      description = "Bayes (human-level) error as a fraction, e.g. 0.01, for the bias/variance diagnosis (default: 0).")
  Double bayesError;

  /** Checks the options against the data and the network, and builds what the run needs. */
  Regularization resolve(NetworkSpec spec, PreparedData data, double[] split, Optional<ImageShape> imageShape) {
    double[] keep = regularizer.keepProbs(spec.hidden());
    AugmentSpec augmentation = augment == null ? null : AugmentSpec.parse(augment, data.train().featureCount(), imageShape);
    EarlyStopping.Config stopping = earlyStopping(data, split);
    if (bayesError != null && !(bayesError >= 0 && bayesError <= 1)) {
      throw new UsageException("--bayes-error " + RegularizerOptions.number(bayesError) + ": must be a fraction in [0, 1]"
          + (bayesError > 1 && bayesError <= 100 ? "; for " + RegularizerOptions.number(bayesError) + "% write "
          + RegularizerOptions.number(bayesError / 100) : ""));
    }
    return new Regularization(regularizer, keep, regularizer.costTerms(), augmentation, stopping, bayesError,
        data.train().featureCount());
  }

  private EarlyStopping.Config earlyStopping(PreparedData data, double[] split) {
    return earlyStopping(data.dev() != null, data.dev() == null || data.dev().isClassification(), split);
  }

  /** Early stopping's configuration, or null without --early-stopping; checked against whether the run has a dev set and classes. */
  EarlyStopping.Config earlyStopping(boolean hasDev, boolean classification, double[] split) {
    if (patience == null) {
      if (minDelta != null || stopMetric != null) {
        throw new UsageException((minDelta != null ? "--min-delta" : "--stop-metric")
            + " sets up early stopping; give --early-stopping PATIENCE too, e.g. --early-stopping 10");
      }
      return null;
    }
    if (patience < 1) {
      throw new UsageException("--early-stopping " + patience + ": the patience must be at least 1 epoch, e.g. --early-stopping 10");
    }
    double delta = minDelta == null ? 0 : minDelta;
    if (!(delta >= 0 && delta < Double.POSITIVE_INFINITY)) {
      throw new UsageException("--min-delta " + RegularizerOptions.number(delta) + ": must be a finite number ≥ 0 "
          + "(0: any improvement counts)");
    }
    EarlyStopping.Metric metric = metric();
    if (!hasDev) {
      throw new UsageException("--early-stopping " + patience + " watches the dev set, but --split " + ratios(split)
          + " leaves none; give the dev set a share, e.g. --split 60,20,20");
    }
    if (metric == EarlyStopping.Metric.ACCURACY && !classification) {
      throw new UsageException("--stop-metric accuracy: the targets are numbers (regression), which have no accuracy; "
          + "use --stop-metric cost");
    }
    return new EarlyStopping.Config(patience, delta, metric);
  }

  private EarlyStopping.Metric metric() {
    if (stopMetric == null) {
      return EarlyStopping.Metric.COST;
    }
    return switch (stopMetric.toLowerCase(Locale.ROOT)) {
      case "cost" -> EarlyStopping.Metric.COST;
      case "accuracy" -> EarlyStopping.Metric.ACCURACY;
      default -> throw new UsageException("--stop-metric " + stopMetric + ": expected cost or accuracy");
    };
  }

  static String ratios(double[] split) {
    StringBuilder sb = new StringBuilder();
    for (double r : split) {
      sb.append(sb.length() == 0 ? "" : ",").append(RegularizerOptions.number(r));
    }
    return sb.toString();
  }
}
