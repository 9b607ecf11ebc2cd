package dev.descent.check;

import dev.descent.tensor.Matrix;
import java.util.HashSet;
import java.util.Set;

/**
 * Deliberately wrong gradients, to see a gradient check fail: applied to a copy of each
 * parameter's analytic gradient before the comparison (the network and the tape are untouched).
 * For tests and the course lab, which doubles dW2 and multiplies db1 by 4.
 *
 * <pre>{@code
 * GradientCorruption lab = GradientCorruption.courseLab();   // scale("W2", 2).andThen(scale("b1", 4))
 * GradientCheck.of(net, x, y).run(CheckOptions.defaults().withCorruption(lab)).verdict();   // BUG
 * }</pre>
 */
@FunctionalInterface
public interface GradientCorruption {

  /** Rewrites {@code gradient}, a copy of d(cost)/d(parameter) for the parameter named {@code parameter}, in place. */
  void corrupt(String parameter, Matrix gradient);

  /** The parameter names this corruption targets, checked against the parameters; empty when it may touch any. */
  default Set<String> targets() {
    return Set.of();
  }

  /** This corruption, then {@code next}. */
  default GradientCorruption andThen(GradientCorruption next) {
    return new Chain(this, next);
  }

  /** Leaves every gradient as it is. */
  static GradientCorruption none() {
    return new Chain(null, null);
  }

  /** Multiplies the gradient of the parameter named {@code parameter} (e.g. "W2" for dW2) by {@code factor}. */
  static GradientCorruption scale(String parameter, double factor) {
    return new Scale(parameter, factor);
  }

  /** The course lab's bug: dW2 doubled and db1 multiplied by 4. */
  static GradientCorruption courseLab() {
    return scale("W2", 2).andThen(scale("b1", 4));
  }

  /** See {@link #scale}. */
  record Scale(String parameter, double factor) implements GradientCorruption {
    @Override
    public void corrupt(String name, Matrix gradient) {
      if (name.equals(parameter)) {
        for (int k = 0, n = gradient.size(); k < n; k++) {
          gradient.setFlat(k, gradient.getFlat(k) * factor);
        }
      }
    }

    @Override
    public Set<String> targets() {
      return Set.of(parameter);
    }

    @Override
    public String toString() {
      return "d" + parameter + " × " + factor;
    }
  }

  /** Two corruptions in turn; both null is {@link #none()}. */
  record Chain(GradientCorruption first, GradientCorruption second) implements GradientCorruption {
    @Override
    public void corrupt(String name, Matrix gradient) {
      if (first != null) {
        first.corrupt(name, gradient);
      }
      if (second != null) {
        second.corrupt(name, gradient);
      }
    }

    @Override
    public Set<String> targets() {
      Set<String> all = new HashSet<>();
      if (first != null) {
        all.addAll(first.targets());
      }
      if (second != null) {
        all.addAll(second.targets());
      }
      return Set.copyOf(all);
    }

    @Override
    public String toString() {
      return first == null && second == null ? "none" : first + ", " + second;
    }
  }
}
