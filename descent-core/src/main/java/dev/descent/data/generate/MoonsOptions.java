package dev.descent.data.generate;

/**
 * Two interleaving half circles: {@code examples} points (half per class, the first class gets
 * the odd one out) with Gaussian noise of standard deviation {@code noise} on both coordinates.
 * Defaults: 200 examples, noise 0.2.
 */
public record MoonsOptions(int examples, double noise) {

  public MoonsOptions {
    Checks.examples("moons", examples, 2);
    Checks.deviation("moons", "noise", noise);
  }

  public static MoonsOptions defaults() {
    return new MoonsOptions(200, 0.2);
  }

  public MoonsOptions withExamples(int newExamples) {
    return new MoonsOptions(newExamples, noise);
  }

  public MoonsOptions withNoise(double newNoise) {
    return new MoonsOptions(examples, newNoise);
  }
}
