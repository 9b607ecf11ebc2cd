package dev.descent.cli.plot;

/**
 * What a classifier predicts at a point (x1, x2) of the plane, in one of three forms:
 *
 * <ul>
 *   <li>{@link #classes}: the class index, {@code (x1, x2) -> int} in [0, K);
 *   <li>{@link #probability}: binary only, P(class 1) in [0, 1]; regions are shaded by confidence;
 *   <li>{@link #batch}: all grid points at once, {@code points (m × 2, rows) -> m × 1} (P(class 1))
 *       or {@code m × K} (class probabilities, rows summing to 1): one {@code network.predict(X)}
 *       call instead of one per point.
 * </ul>
 *
 * A NaN probability (a diverged network) leaves that grid cell grey and is reported in the
 * figure's notes; a class or probability out of range is an error.
 *
 * <pre>{@code
 * Prediction.classes((x1, x2) -> x1 > 0 ? 1 : 0);
 * Prediction.probability((x1, x2) -> 1 / (1 + Math.exp(-(x1 + x2))));
 * }</pre>
 */
public sealed interface Prediction {

  /** The predicted class of one point. */
  @FunctionalInterface
  interface ClassFunction {
    int classOf(double x1, double x2);
  }

  /** P(class 1) at one point. */
  @FunctionalInterface
  interface ProbabilityFunction {
    double probability(double x1, double x2);
  }

  /** Probabilities of many points: rows of {@code points} are (x1, x2). */
  @FunctionalInterface
  interface BatchFunction {
    double[][] probabilities(double[][] points);
  }

  static Prediction classes(ClassFunction function) {
    return new Classes(function);
  }

  static Prediction probability(ProbabilityFunction function) {
    return new Probability(function);
  }

  static Prediction batch(BatchFunction function) {
    return new Batch(function);
  }

  record Classes(ClassFunction function) implements Prediction {
    public Classes {
      requireFunction(function);
    }
  }

  record Probability(ProbabilityFunction function) implements Prediction {
    public Probability {
      requireFunction(function);
    }
  }

  record Batch(BatchFunction function) implements Prediction {
    public Batch {
      requireFunction(function);
    }
  }

  private static void requireFunction(Object function) {
    if (function == null) {
      throw new IllegalArgumentException("prediction function = null: pass a lambda");
    }
  }
}
