package dev.descent.cli;

import dev.descent.run.BatchNormDecorator;
import dev.descent.run.NetworkSpec;
import picocli.CommandLine.Option;

/** {@code --batch-norm}: batch normalization in every hidden layer (see {@link BatchNormDecorator}). */
public final class BatchNormOptions {
  @Option(names = "--batch-norm",
      description = "Batch-normalize every hidden layer: dense without bias, batch norm, then the activation"
          + " (default: ${DEFAULT-VALUE}). Training batches need at least 2 examples.")
  boolean batchNorm;

  /** How hidden layers are built: with batch norm, or plain. */
  NetworkSpec.LayerDecorator decorator() {
    return batchNorm ? BatchNormDecorator.DEFAULT : NetworkSpec.LayerDecorator.PLAIN;
  }
}
