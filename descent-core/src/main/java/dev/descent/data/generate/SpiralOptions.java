package dev.descent.data.generate;

/**
 * CS231n's spiral: {@code classes} arms of {@code examples / classes} points each, the radius
 * growing linearly from 0 to 1 along an arm while the angle sweeps 4 radians, plus Gaussian noise
 * of standard deviation {@code noise} on the angle. Defaults: 300 examples, 3 classes, noise 0.2.
 */
public record SpiralOptions(int examples, int classes, double noise) {

  public SpiralOptions {
    Checks.classes("spiral", classes);
    Checks.examples("spiral", examples, classes);
    Checks.deviation("spiral", "noise", noise);
  }

  public static SpiralOptions defaults() {
    return new SpiralOptions(300, 3, 0.2);
  }

  public SpiralOptions withExamples(int newExamples) {
    return new SpiralOptions(newExamples, classes, noise);
  }

  public SpiralOptions withClasses(int newClasses) {
    return new SpiralOptions(examples, newClasses, noise);
  }

  public SpiralOptions withNoise(double newNoise) {
    return new SpiralOptions(examples, classes, newNoise);
  }
}
