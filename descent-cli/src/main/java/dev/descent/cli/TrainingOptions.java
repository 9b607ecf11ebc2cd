package dev.descent.cli;

import dev.descent.optim.GradientTransform;
import dev.descent.run.OptimizerSpec;
import dev.descent.tensor.Precision;
import dev.descent.train.TrainingConfig;
import picocli.CommandLine.Option;

/** How to train: optimizer, learning rate and schedule, batches, epochs, seed, precision. */
public final class TrainingOptions {
  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      description = "gd, momentum, nesterov, rmsprop, adagrad, adam, adamw (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--beta", paramLabel = "B", description = "Momentum/RMSprop averaging weight β (default: 0.9 momentum, 0.999 RMSprop).")
  Double beta;

  @Option(names = "--beta1", paramLabel = "B1", defaultValue = "0.9", description = "Adam's first-moment β1 (default: ${DEFAULT-VALUE}).")
  double beta1;

  @Option(names = "--beta2", paramLabel = "B2", defaultValue = "0.999", description = "Adam's second-moment β2 (default: ${DEFAULT-VALUE}).")
  double beta2;

  @Option(names = "--epsilon", paramLabel = "EPS", defaultValue = "1e-8", description = "ε of RMSprop, AdaGrad and Adam (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--weight-decay", paramLabel = "WD", description = "AdamW's decoupled weight decay (default: 0.01).")
  Double weightDecay;

  @Option(names = "--schedule", paramLabel = "NAME[:K=V,...]",
      description = "Learning-rate schedule, lr0 = --lr: inverse-time:decay=1, exponential:rate=0.95, staircase:every=3,factor=0.5, cosine:length=100, plateau:factor=0.5,patience=10, … (default: constant).")
  String schedule;

  @Option(names = "--batch-size", paramLabel = "N|full", defaultValue = "64",
      description = "Examples per step; 1 is stochastic, 'full' is batch gradient descent (default: ${DEFAULT-VALUE}).")
  String batchSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "300", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seeds init, split, shuffles and dropout masks (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--precision", paramLabel = "f32|f64", defaultValue = "f32", description = "Training precision (default: ${DEFAULT-VALUE}).")
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
    return new TrainingConfig(epochs, batchSize(), seed, true);
  }

  Precision precision() {
    return switch (precision.toLowerCase()) {
      case "f32", "float32" -> Precision.F32;
      case "f64", "float64" -> Precision.F64;
      default -> throw new UsageException("--precision " + precision + ": expected f32 or f64");
    };
  }

  OptimizerSpec optimizerSpec() {
    return new OptimizerSpec(optimizer, lr, beta, beta1, beta2, epsilon, weightDecay, schedule);
  }

  GradientTransform transform() {
    try {
      return optimizerSpec().build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
