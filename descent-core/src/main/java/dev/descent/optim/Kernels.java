package dev.descent.optim;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The element-wise loops of the transforms, one float32 and one float64 loop each, on the
 * direct buffers. All work in place; none allocates. Float32 loops compute in float, as {@link
 * Ewa#update} does, so that the fast path stays float-wide.
 */
final class Kernels {
  private Kernels() {}

  /** {@code m ← factor·m}. */
  static void scale(Matrix m, double factor) {
    int n = m.size();
    if (m instanceof F32Matrix f) {
      FloatBuffer a = f.data;
      float c = (float) factor;
      for (int k = 0; k < n; k++) {
        a.put(k, c * a.get(k));
      }
    } else {
      DoubleBuffer a = ((F64Matrix) m).data;
      for (int k = 0; k < n; k++) {
        a.put(k, factor * a.get(k));
      }
    }
  }

  /** {@code g ← g + c·p}. */
  static void addScaled(Matrix g, Matrix p, double c) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      FloatBuffer a = f.data;
      FloatBuffer b = ((F32Matrix) p).data;
      float cf = (float) c;
      for (int k = 0; k < n; k++) {
        a.put(k, a.get(k) + cf * b.get(k));
      }
    } else {
      DoubleBuffer a = ((F64Matrix) g).data;
      DoubleBuffer b = ((F64Matrix) p).data;
      for (int k = 0; k < n; k++) {
        a.put(k, a.get(k) + c * b.get(k));
      }
    }
  }

  /** {@code g ← keep·g + take·v}: Nesterov's look-ahead direction. */
  static void blend(Matrix g, Matrix v, double keep, double take) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      FloatBuffer a = f.data;
      FloatBuffer b = ((F32Matrix) v).data;
      float kf = (float) keep;
      float tf = (float) take;
      for (int k = 0; k < n; k++) {
        a.put(k, tf * b.get(k) + kf * a.get(k));
      }
    } else {
      DoubleBuffer a = ((F64Matrix) g).data;
      DoubleBuffer b = ((F64Matrix) v).data;
      for (int k = 0; k < n; k++) {
        a.put(k, take * b.get(k) + keep * a.get(k));
      }
    }
  }

  /** {@code s ← s + g²}: AdaGrad's accumulator. */
  static void addSquares(Matrix s, Matrix g) {
    int n = s.size();
    if (s instanceof F32Matrix f) {
      FloatBuffer a = f.data;
      FloatBuffer b = ((F32Matrix) g).data;
      for (int k = 0; k < n; k++) {
        float x = b.get(k);
        a.put(k, a.get(k) + x * x);
      }
    } else {
      DoubleBuffer a = ((F64Matrix) s).data;
      DoubleBuffer b = ((F64Matrix) g).data;
      for (int k = 0; k < n; k++) {
        double x = b.get(k);
        a.put(k, a.get(k) + x * x);
      }
    }
  }

  /**
   * {@code g ← (v / vCorrection) / (√(s / sCorrection) + ε)}, with v = g when {@code v} is g
   * itself: Adam's direction, and RMSprop's and AdaGrad's with {@code v = g, vCorrection = 1}.
   * ε sits outside the root, as in the course and the fixtures.
   */
  static void normalize(Matrix g, Matrix v, double vCorrection, Matrix s, double sCorrection,
      double epsilon) {
    int n = g.size();
    if (g instanceof F32Matrix f) {
      FloatBuffer out = f.data;
      FloatBuffer first = ((F32Matrix) v).data;
      FloatBuffer second = ((F32Matrix) s).data;
      float vc = (float) vCorrection;
      float sc = (float) sCorrection;
      float eps = (float) epsilon;
      for (int k = 0; k < n; k++) {
        out.put(k, (first.get(k) / vc) / ((float) Math.sqrt(second.get(k) / sc) + eps));
      }
    } else {
      DoubleBuffer out = ((F64Matrix) g).data;
      DoubleBuffer first = ((F64Matrix) v).data;
      DoubleBuffer second = ((F64Matrix) s).data;
      for (int k = 0; k < n; k++) {
        out.put(k, (first.get(k) / vCorrection) / (Math.sqrt(second.get(k) / sCorrection) + epsilon));
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
