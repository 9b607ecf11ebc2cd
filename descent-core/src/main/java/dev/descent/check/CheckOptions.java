package dev.descent.check;

/**
 * Settings of a {@link GradientCheck}: the step ε of the centered differences
 * {@code (J(θ+ε) − J(θ−ε)) / 2ε} (default 1e-7, the course's value: small enough that the
 * O(ε²) truncation error is negligible, large enough that float64 rounding, about 1e-16·J/ε,
 * stays near 1e-9) and an optional {@link GradientCorruption} (default none).
 *
 * <pre>{@code
 * CheckOptions.defaults().withEpsilon(1e-6);
 * }</pre>
 */
public record CheckOptions(double epsilon, GradientCorruption corruption) {
  public CheckOptions {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException("epsilon = " + epsilon + ": must be in (0, 1); the course uses 1e-7");
    }
    if (corruption == null) {
      throw new IllegalArgumentException("corruption is null; use GradientCorruption.none() for correct gradients");
    }
  }

  public static CheckOptions defaults() {
    return new CheckOptions(1e-7, GradientCorruption.none());
  }

  public CheckOptions withEpsilon(double epsilon) {
    return new CheckOptions(epsilon, corruption);
  }

  public CheckOptions withCorruption(GradientCorruption corruption) {
    return new CheckOptions(epsilon, corruption);
  }
}
