package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.Map;

/**
 * A learning rate as a function of the training clock. Named factories build the schedules
 * ({@code dev.descent.optim.schedule.Schedules}); {@code toString()} prints the form the CLI
 * accepts, e.g. {@code exponential(lr0=0.2, rate=0.95, per=epoch)}.
 *
 * <p>Most schedules are pure functions of the clock. One that adapts to the cost
 * (reduce-on-plateau) is fed it through {@link #observe} and keeps its numbers in the matrices of
 * {@link #state}, which the optimizer's {@link State} saves and restores.
 */
public interface Schedule {

  /** The learning rate for the update the clock is at (during an update, step t ≥ 1). */
  double rate(Clock clock);

  /**
   * Feeds the cost of the epoch just finished (dev cost, or training cost without a dev set) to
   * schedules that adapt to it. The pure schedules of the clock ignore it.
   */
  default void observe(double cost) {}

  /** The mutable numbers a checkpoint must keep, by name; empty for pure schedules. */
  default Map<String, Matrix> state() {
    return Map.of();
  }

  /** The same rate throughout. */
  static Schedule constant(double learningRate) {
    checkLearningRate(learningRate, "learningRate");
    return new Schedule() {
      @Override
      public double rate(Clock clock) {
        return learningRate;
      }

      @Override
      public String toString() {
        return "constant(lr0=" + learningRate + ")";
      }
    };
  }

  /** Validates a learning rate called {@code name}: positive and finite. */
  static double checkLearningRate(double learningRate, String name) {
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException(name + " = " + learningRate + ": must be positive and finite");
    }
    return learningRate;
  }
}
