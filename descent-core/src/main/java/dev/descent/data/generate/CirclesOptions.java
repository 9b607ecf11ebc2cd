package dev.descent.data.generate;

/**
 * A small circle inside a large one: {@code examples} points (half per class), the inner circle's
 * radius {@code factor} times the outer one's, Gaussian noise of standard deviation {@code noise}.
 * Defaults: 200 examples, noise 0.05, factor 0.5.
 */
public record CirclesOptions(int examples, double noise, double factor) {

  public CirclesOptions {
    Checks.examples("circles", examples, 2);
    Checks.deviation("circles", "noise", noise);
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("circles factor = " + factor
          + ": must be in (0, 1) (the inner radius as a fraction of the outer one)");
    }
  }

  public static CirclesOptions defaults() {
    return new CirclesOptions(200, 0.05, 0.5);
  }

  public CirclesOptions withExamples(int newExamples) {
    return new CirclesOptions(newExamples, noise, factor);
  }

  public CirclesOptions withNoise(double newNoise) {
    return new CirclesOptions(examples, newNoise, factor);
  }

  public CirclesOptions withFactor(double newFactor) {
    return new CirclesOptions(examples, noise, newFactor);
  }
}
