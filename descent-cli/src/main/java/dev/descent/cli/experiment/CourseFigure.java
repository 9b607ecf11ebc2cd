package dev.descent.cli.experiment;

/**
 * An accuracy pair the course prints for one configuration (test NaN where it prints none), and
 * whether a run reproduces it to the course's printed digit (four decimals, e.g. 0.7967).
 */
public record CourseFigure(double train, double test) {

  /** Equal to the course's figures when both are rounded to four decimals. */
  public boolean matches(double runTrain, double runTest) {
    return same(train, runTrain) && (Double.isNaN(test) || same(test, runTest));
  }

  private static boolean same(double course, double run) {
    return !Double.isNaN(run) && Math.round(course * 10_000) == Math.round(run * 10_000);
  }
}
