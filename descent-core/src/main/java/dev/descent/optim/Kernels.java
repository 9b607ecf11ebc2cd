package dev.descent.optim;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;

/**
 * The element-wise loops of the transforms, one float32 and one float64 loop each, on the
 * elements' arrays (C2 vectorizes array loops, not buffer ones). All work in place; none allocates. Float32 loops compute in float, as {@link
 * Ewa#update} does, so that the fast path stays float-wide.
 */
final class Kernels {
  private Kernels() {}

  /** {@code m ← factor·m}. */
  static void scale(Matrix m, double factor) {
    int n = m.size();
    if (m instanceof F32Matrix f) {
      float[] a = f.values;
      float c = (float) factor;
      for (int k = 0; k < n; k++) {
        a[k] = c * a[k];
      }
    } else {
      double[] a = ((F64Matrix) m).values;
      for (int k = 0; k < n; k++) {
        a[k] = factor * a[k];
      }
    }
  }

  /** {@code g ← g + c·p}. */
  static void addScaled(Matrix g, Matrix p, double c) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      float[] a = f.values;
      float[] b = ((F32Matrix) p).values;
      float cf = (float) c;
      for (int k = 0; k < n; k++) {
        a[k] = a[k] + cf * b[k];
      }
    } else {
      double[] a = ((F64Matrix) g).values;
      double[] b = ((F64Matrix) p).values;
      for (int k = 0; k < n; k++) {
        a[k] = a[k] + c * b[k];
      }
    }
  }

  /** {@code g ← keep·g + take·v}: Nesterov's look-ahead direction. */
  static void blend(Matrix g, Matrix v, double keep, double take) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      float[] a = f.values;
      float[] b = ((F32Matrix) v).values;
      float kf = (float) keep;
      float tf = (float) take;
      for (int k = 0; k < n; k++) {
        a[k] = tf * b[k] + kf * a[k];
      }
    } else {
      double[] a = ((F64Matrix) g).values;
      double[] b = ((F64Matrix) v).values;
      for (int k = 0; k < n; k++) {
        a[k] = take * b[k] + keep * a[k];
      }
    }
  }

  /** {@code s ← s + g²}: AdaGrad's accumulator. */
  static void addSquares(Matrix s, Matrix g) {
    int n = s.size();
    if (s instanceof F32Matrix f) {
      float[] a = f.values;
      float[] b = ((F32Matrix) g).values;
      for (int k = 0; k < n; k++) {
        float x = b[k];
        a[k] = a[k] + x * x;
      }
    } else {
      double[] a = ((F64Matrix) s).values;
      double[] b = ((F64Matrix) g).values;
      for (int k = 0; k < n; k++) {
        double x = b[k];
        a[k] = a[k] + x * x;
      }
    }
  }

  /**
   * {@code g ← (v / vCorrection) / (√(s / sCorrection) + ε)}, with v = g when {@code v} is g
   * itself: Adam's direction, and RMSprop's and AdaGrad's with {@code v = g, vCorrection = 1}.
   * ε sits outside the root, as in the course and the fixtures.
   *
   * <p>The bias corrections multiply by their reciprocals (within an ulp of dividing): per
   * element, a division and a root are all that is left, and these loops were bound by their
   * divisions, not by memory (the figures: docs/design.md, "Element-wise loops").
   */
  static void normalize(Matrix g, Matrix v, double vCorrection, Matrix s, double sCorrection,
      double epsilon) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      float[] out = f.values;
      float[] first = ((F32Matrix) v).values;
      float[] second = ((F32Matrix) s).values;
      float vScale = (float) (1 / vCorrection);
      float sScale = (float) (1 / sCorrection);
      float eps = (float) epsilon;
      for (int k = 0; k < n; k++) {
        out[k] = (first[k] * vScale) / ((float) Math.sqrt(second[k] * sScale) + eps);
      }
    } else {
      double[] out = ((F64Matrix) g).values;
      double[] first = ((F64Matrix) v).values;
      double[] second = ((F64Matrix) s).values;
      double vScale = 1 / vCorrection;
      double sScale = 1 / sCorrection;
      for (int k = 0; k < n; k++) {
        out[k] = (first[k] * vScale) / (Math.sqrt(second[k] * sScale) + epsilon);
      }
    }
  }

  /**
   * Adam's three element-wise steps in one pass: {@link Ewa#update}{@code (v, g, β1)},
   * {@link Ewa#updateSquares}{@code (s, g, β2)}, then {@link #normalize}{@code (g, v, …, s, …)},
   * with the very same arithmetic per element (so the same bits; {@code KernelsTest} checks it).
   * One pass reads and writes the four arrays once instead of three times.
   */
  static void adam(Matrix g, Matrix v, double beta1, double vCorrection, Matrix s, double beta2, double sCorrection, double epsilon) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      float[] grad = f.values;
      float[] first = ((F32Matrix) v).values;
      float[] second = ((F32Matrix) s).values;
      float b1 = (float) beta1;
      float one1 = (float) (1 - beta1);
      float b2 = (float) beta2;
      float one2 = (float) (1 - beta2);
      float vScale = (float) (1 / vCorrection);
      float sScale = (float) (1 / sCorrection);
      float eps = (float) epsilon;
      for (int k = 0; k < n; k++) {
        float x = grad[k];
        float m = b1 * first[k] + one1 * x;
        float r = b2 * second[k] + one2 * x * x;
        first[k] = m;
        second[k] = r;
        grad[k] = (m * vScale) / ((float) Math.sqrt(r * sScale) + eps);
      }
    } else {
      double[] grad = ((F64Matrix) g).values;
      double[] first = ((F64Matrix) v).values;
      double[] second = ((F64Matrix) s).values;
      double vScale = 1 / vCorrection;
      double sScale = 1 / sCorrection;
      for (int k = 0; k < n; k++) {
        double x = grad[k];
        double m = beta1 * first[k] + (1 - beta1) * x;
        double r = beta2 * second[k] + (1 - beta2) * x * x;
        first[k] = m;
        second[k] = r;
        grad[k] = (m * vScale) / (Math.sqrt(r * sScale) + epsilon);
      }
    }
  }

  /**
   * {@link #adam} followed by the learning-rate stage and the update, in one pass:
   * {@code W ← W + factor·(v̂ / (√ŝ + ε))} with {@code factor = −lr}, the very arithmetic of
   * {@link #adam}, {@link #scale} and {@link Optimizer}'s {@code W += step} per element (so the same
   * bits). The step is not kept: {@code g} still holds the gradient afterwards. Three passes over
   * the parameters' arrays become one.
   */
  static void adamApply(Matrix w, Matrix g, Matrix v, double beta1, double vCorrection, Matrix s, double beta2,
      double sCorrection, double epsilon, double factor) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      float[] weights = ((F32Matrix) w).values;
      float[] grad = f.values;
      float[] first = ((F32Matrix) v).values;
      float[] second = ((F32Matrix) s).values;
      float b1 = (float) beta1;
      float one1 = (float) (1 - beta1);
      float b2 = (float) beta2;
      float one2 = (float) (1 - beta2);
      float vScale = (float) (1 / vCorrection);
      float sScale = (float) (1 / sCorrection);
      float eps = (float) epsilon;
      float c = (float) factor;
      for (int k = 0; k < n; k++) {
        float x = grad[k];
        float m = b1 * first[k] + one1 * x;
        float r = b2 * second[k] + one2 * x * x;
        first[k] = m;
        second[k] = r;
        weights[k] = weights[k] + c * ((m * vScale) / ((float) Math.sqrt(r * sScale) + eps));
      }
    } else {
      double[] weights = ((F64Matrix) w).values;
      double[] grad = ((F64Matrix) g).values;
      double[] first = ((F64Matrix) v).values;
      double[] second = ((F64Matrix) s).values;
      double vScale = 1 / vCorrection;
      double sScale = 1 / sCorrection;
      for (int k = 0; k < n; k++) {
        double x = grad[k];
        double m = beta1 * first[k] + (1 - beta1) * x;
        double r = beta2 * second[k] + (1 - beta2) * x * x;
        first[k] = m;
        second[k] = r;
        weights[k] = weights[k] + factor * ((m * vScale) / (Math.sqrt(r * sScale) + epsilon));
      }
    }
  }

  /** Validates ε, the guard against division by zero: positive and finite. */
  static double checkEpsilon(double epsilon) {
    if (!(epsilon > 0 && Double.isFinite(epsilon))) {
      throw new IllegalArgumentException("epsilon = " + epsilon + ": must be positive and finite (typically 1e-8)");
    }
    return epsilon;
  }
}
