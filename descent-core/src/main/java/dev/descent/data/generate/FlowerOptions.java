package dev.descent.data.generate;

/**
 * The course's planar "flower" (planar_utils.load_planar_dataset): two classes of petals on the
 * rose curve r = 4·sin(4t), with Gaussian noise of standard deviation {@code noise} on both the
 * angle and the radius. Defaults: 400 examples, noise 0.2 (the course's values).
 */
public record FlowerOptions(int examples, double noise) {

  public FlowerOptions {
    Checks.examples("flower", examples, 2);
    Checks.deviation("flower", "noise", noise);
  }

  public static FlowerOptions defaults() {
    return new FlowerOptions(400, 0.2);
  }

  public FlowerOptions withExamples(int newExamples) {
    return new FlowerOptions(newExamples, noise);
  }

  public FlowerOptions withNoise(double newNoise) {
    return new FlowerOptions(examples, newNoise);
  }
}
