package dev.descent.optim;

/**
 * A learning rate as a function of the training clock. Named factories build the schedules;
 * {@code toString()} prints the form the CLI accepts.
 */
public interface Schedule {

  double rate(Clock clock);

  /** The same rate throughout. */
  static Schedule constant(double learningRate) {
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("learning rate " + learningRate + ": must be positive and finite");
    }
    return new Schedule() {
      @Override
      public double rate(Clock clock) {
        return learningRate;
      }

      @Override
      public String toString() {
        return "constant(" + learningRate + ")";
      }
    };
  }
}
