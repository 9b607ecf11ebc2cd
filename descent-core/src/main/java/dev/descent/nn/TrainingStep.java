package dev.descent.nn;

import dev.descent.tensor.Matrix;

/**
 * What a training loop needs for one batch size: load a batch, then run forward and backward so
 * that every parameter's {@code grad} holds d(cost)/d(parameter). {@link Network#trainingStep}
 * gives a {@link Plan} (the recorded tape) or, for small dense networks, a {@link SmallNetStep}
 * that computes the same numbers without the tape's per-op overhead.
 */
public interface TrainingStep {
  int batchSize();

  /** Copies rows {@code order[from..from+m)} of {@code features} and {@code targets} in. No allocation. */
  void load(Matrix features, Matrix targets, int[] order, int from);

  /** Forward and backward: fills every parameter's gradient and returns the cost. */
  double step();
}
