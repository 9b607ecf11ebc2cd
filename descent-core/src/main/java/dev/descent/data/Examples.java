package dev.descent.data;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Examples that training and evaluation read in batches, wherever they live: in the heap (a
 * {@link Dataset}) or in a memory-mapped file ({@code data.io.MappedExamples}). A position is
 * an example's index in this set, 0 ≤ position &lt; {@link #size()}.
 *
 * <pre>{@code
 * Matrix x = Matrix.zeros(Precision.F32, 64, set.featureCount());
 * Matrix y = Matrix.zeros(Precision.F32, 64, set.targetCount());
 * set.gather(order, 0, 64, x, y);   // the first mini-batch of an epoch
 * }</pre>
 */
public interface Examples {
  String name();

  int size();

  int featureCount();

  /** Columns of the targets: 1 for binary classification and single regression, K for K classes. */
  int targetCount();

  /** Class names for a classifier, empty for a regression. */
  List<String> classNames();

  List<String> featureNames();

  default boolean isClassification() {
    return !classNames().isEmpty();
  }

  default int classCount() {
    return classNames().size();
  }

  /** The class index of the example at {@code position} (classification only). */
  int label(int position);

  /**
   * Copies the examples at {@code positions[from..from+count)} (or, with null positions, at
   * {@code from..from+count)}) into rows 0..count of {@code x} and {@code y}, in their precision.
   * {@code y} may be null. No allocation.
   */
  void gather(int[] positions, int from, int count, Matrix x, Matrix y);

  /** How an epoch orders these examples: uniformly for resident sets, by blocks for mapped files. */
  default ShuffleOrder shuffleOrder() {
    return ShuffleOrder.UNIFORM;
  }

  /** True when every example is in the heap as one matrix (a {@link Dataset}). */
  default boolean isResident() {
    return false;
  }
}
