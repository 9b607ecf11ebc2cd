package dev.descent.cli;

import dev.descent.optim.GradientTransform;
import dev.descent.optim.OptimizerSettings;
import dev.descent.run.OptimizerSpec;
import dev.descent.tensor.Precision;
import dev.descent.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to train: optimizer, learning rate and schedule, batches, epochs, seed, precision; defaults from {@link CoreDefaults}. */
public final class TrainingOptions {
  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "gd, momentum, nesterov, rmsprop, adagrad, adam, adamw (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--beta", paramLabel = "B", description = "Momentum/RMSprop averaging weight β (default: " + OptimizerSettings.BETA1 + " momentum, "
          + OptimizerSettings.BETA2 + " RMSprop).")
  Double beta;

  @Option(names = "--beta1", paramLabel = "B1", description = "Adam's first-moment β1 (default: ${DEFAULT-VALUE}).")
  double beta1;

  @Option(names = "--beta2", paramLabel = "B2", description = "Adam's second-moment β2 (default: ${DEFAULT-VALUE}).")
  double beta2;

  @Option(names = "--epsilon", paramLabel = "EPS", description = "ε of RMSprop, AdaGrad and Adam (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--weight-decay", paramLabel = "WD", description = "AdamW's decoupled weight decay (default: " + OptimizerSettings.WEIGHT_DECAY + ").")
  Double weightDecay;

  @Option(names = "--schedule", paramLabel = "NAME[:K=V,...]",
      description = "Learning-rate schedule, lr0 = --lr: inverse-time:decay=1, exponential:rate=0.95, staircase:every=3,factor=0.5, cosine:length=100, plateau:factor=0.5,patience=10, … (default: constant).")
  String schedule;

  @Option(names = "--batch-size", paramLabel = "N|full",
      description = "Examples per step; 1 is stochastic, 'full' is batch gradient descent (default: ${DEFAULT-VALUE}).")
  String batchSize;

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Mixin
  SeedOption seedOption;

  @Option(names = "--precision", paramLabel = "f32|f64", description = "Training precision (default: ${DEFAULT-VALUE}).")
  String precision;

  int batchSize() {
    if (batchSize.equalsIgnoreCase("full")) {
      return TrainingConfig.FULL_BATCH;
    }
    int n;
    try {
      n = Integer.parseInt(batchSize.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--batch-size " + batchSize + ": expected a whole number ≥ 1 or 'full'");
    }
    if (n < 1) {
      throw new UsageException("--batch-size " + n + ": must be at least 1 (1 is stochastic gradient descent) or 'full'");
    }
    return n;
  }

  TrainingConfig config() {
    if (epochs < 1) {
      throw new UsageException("--epochs " + epochs + ": must be at least 1");
    }
    return new TrainingConfig(epochs, batchSize(), seed(), true);
  }

  Precision precision() {
    return switch (precision.toLowerCase()) {
      case "f32", "float32" -> Precision.F32;
      case "f64", "float64" -> Precision.F64;
      default -> throw new UsageException("--precision " + precision + ": expected f32 or f64");
    };
  }

  long seed() {
    return seedOption.seed;
  }

  /** The optimizer options, checked: a bad value is a usage error naming its option. */
  OptimizerSpec optimizerSpec() {
    try {
      return new OptimizerSpec(optimizer, lr, beta, beta1, beta2, epsilon, weightDecay, schedule);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  GradientTransform transform() {
    return optimizerSpec().build();
  }
}
