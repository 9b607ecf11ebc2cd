package dev.descent.data.generate;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a user may set for any built-in data set (the CLI's {@code --examples}, {@code --noise},
 * {@code --classes}, {@code --seed}); an empty field takes that generator's default. Each
 * generator checks the values through its own options record.
 *
 * <pre>{@code
 * GeneratorOptions o = GeneratorOptions.seed(3).withExamples(500).withNoise(0.1);
 * }</pre>
 */
public record GeneratorOptions(OptionalInt examples, OptionalDouble noise, OptionalInt classes,
    long seed) {

  public static GeneratorOptions seed(long seed) {
    return new GeneratorOptions(OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), seed);
  }

  public GeneratorOptions withExamples(int newExamples) {
    return new GeneratorOptions(OptionalInt.of(newExamples), noise, classes, seed);
  }

  public GeneratorOptions withNoise(double newNoise) {
    return new GeneratorOptions(examples, OptionalDouble.of(newNoise), classes, seed);
  }

  public GeneratorOptions withClasses(int newClasses) {
    return new GeneratorOptions(examples, noise, OptionalInt.of(newClasses), seed);
  }
}
