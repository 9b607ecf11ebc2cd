package dev.descent.bench;

import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.tensor.Matrix;

/**
 * One training workload ready for a {@link StepLoop}: a freshly initialized network, its
 * optimizer recipe, and the training rows already in the network's precision (examples as rows,
 * features m × n0, targets m × outputs).
 *
 * @param batchSize examples per step, at most m (m is full-batch gradient descent)
 */
public record Problem(String name, Network network, GradientTransform transform, Matrix features, Matrix targets,
    int batchSize) {
  public Problem {
    if (features.rows() != targets.rows()) {
      throw new IllegalArgumentException("problem " + name + ": " + features.rows() + " feature rows but "
          + targets.rows() + " target rows");
    }
    if (features.precision() != network.precision() || targets.precision() != network.precision()) {
      throw new IllegalArgumentException("problem " + name + ": data in " + features.precision() + "/"
          + targets.precision() + " but the network is " + network.precision() + "; convert with Matrix.to");
    }
    if (batchSize < 1 || batchSize > features.rows()) {
      throw new IllegalArgumentException("problem " + name + ": batch size " + batchSize + ": must be in [1, "
          + features.rows() + "]");
    }
  }

  public int examples() {
    return features.rows();
  }
}
