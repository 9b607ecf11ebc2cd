package dev.descent;

import dev.descent.tensor.Matrix;
import java.util.function.DoubleSupplier;

/** The tests' numerical gradient, against which backprop is checked. */
public final class CenteredDifferences {
  private CenteredDifferences() {}

  /**
   * {@code (J(θ+ε) − J(θ−ε))/2ε} for every element θ of {@code value}, where {@code cost}
   * evaluates J with the value as it stands; every element is restored afterwards.
   */
  public static Matrix of(Matrix value, DoubleSupplier cost, double eps) {
    Matrix numeric = value.zerosLike();
    for (int k = 0; k < value.size(); k++) {
      double original = value.getFlat(k);
      value.setFlat(k, original + eps);
      double plus = cost.getAsDouble();
      value.setFlat(k, original - eps);
      double minus = cost.getAsDouble();
      value.setFlat(k, original);
      numeric.setFlat(k, (plus - minus) / (2 * eps));
    }
    return numeric;
  }
}
