package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;

/**
 * Puts a mini-batch into a training step. A resident set hands the step its whole matrix and the
 * epoch's order, and the step copies the rows it needs (no extra copy, today's speed); any other
 * set is first gathered into a batch-sized buffer, once per step, from wherever it lives.
 * Public so that {@code descent bench} times the loading the {@link Trainer} does.
 */
public abstract class BatchLoader {

  /** Loads the examples at {@code order[from..from+size)} into {@code step}. No allocation. */
  public abstract void load(Plan step, int[] order, int from, int size);

  /** The loader for {@code set}, with a buffer of {@code largestBatch} rows if the set is not resident. */
  public static BatchLoader of(Examples set, Precision precision, int largestBatch, int targetCount) {
    if (set instanceof Dataset resident) {
      return resident(resident.features().to(precision), resident.targets().to(precision));
    }
    return new Gathered(set, Matrix.zeros(precision, largestBatch, set.featureCount()),
        Matrix.zeros(precision, largestBatch, targetCount));
  }

  /** Rows of matrices already in the network's precision (features m × n0, targets m × outputs). */
  public static BatchLoader resident(Matrix features, Matrix targets) {
    return new Resident(features, targets);
  }

  private static final class Resident extends BatchLoader {
    private final Matrix features;
    private final Matrix targets;

    Resident(Matrix features, Matrix targets) {
      this.features = features;
      this.targets = targets;
    }

    @Override
    public void load(Plan step, int[] order, int from, int size) {
      step.load(features, targets, order, from);
    }
  }

  private static final class Gathered extends BatchLoader {
    private final Examples set;
    private final Matrix features;
    private final Matrix targets;

    Gathered(Examples set, Matrix features, Matrix targets) {
      this.set = set;
      this.features = features;
      this.targets = targets;
    }

    @Override
    public void load(Plan step, int[] order, int from, int size) {
      set.gather(order, from, size, features, targets);
      step.load(features, targets, null, 0);
    }
  }
}
