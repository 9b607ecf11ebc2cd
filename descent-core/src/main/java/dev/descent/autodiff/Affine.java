package dev.descent.autodiff;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * A dense layer's linear part, fused: {@code Z = Aprev·Wᵀ + b}, with Aprev m × n_prev, W n × n_prev,
 * b 1 × n (or none, under batch norm). Backward: {@code dW += dZᵀ·Aprev}, {@code db += Σ_rows dZ},
 * {@code dAprev += dZ·W}.
 */
public final class Affine extends Op {
  private final Variable aPrev;
  private final Variable w;
  private final Variable b;
  private final Gemm gemm;

  /** {@code b} may be null for a layer without bias. */
  public Affine(Variable aPrev, Variable w, Variable b, Gemm gemm) {
    super(b == null ? List.of(aPrev, w) : List.of(aPrev, w, b),
        Variable.result("Z", aPrev.value().like(aPrev.value().rows(), w.value().rows()),
            anyNeedsGrad(aPrev, w, b)));
    if (aPrev.value().cols() != w.value().cols()) {
      throw new IllegalArgumentException("input has " + aPrev.value().cols() + " features but "
          + w.name() + " is " + w.value().shape() + " (expects " + w.value().cols() + ")");
    }
    if (b != null && (b.value().rows() != 1 || b.value().cols() != w.value().rows())) {
      throw new IllegalArgumentException(b.name() + " is " + b.value().shape() + ", expected 1×" + w.value().rows());
    }
    this.aPrev = aPrev;
    this.w = w;
    this.b = b;
    this.gemm = gemm;
  }

  @Override
  public void forward() {
    Matrix z = out.value();
    if (b == null) {
      gemm.multiply(aPrev.value(), false, w.value(), true, z, 1, 0);
      return;
    }
    broadcastRows(b.value(), z);
    gemm.multiply(aPrev.value(), false, w.value(), true, z, 1, 1);
  }

  /** dAprev and dW are products, written with beta = 0; db (input 2) is a sum the tape zeroes. */
  @Override
  protected boolean canOverwriteGrad(int i) {
    return i < 2;
  }

  @Override
  public void backward() {
    Matrix dz = out.grad();
    if (w.needsGrad()) {
      gemm.multiply(dz, true, aPrev.value(), false, w.grad(), 1, writesFirst(1) ? 0 : 1);
    }
    if (b != null && b.needsGrad()) {
      addColumnSums(dz, b.grad());
    }
    if (aPrev.needsGrad()) {
      gemm.multiply(dz, false, w.value(), false, aPrev.grad(), 1, writesFirst(0) ? 0 : 1);
    }
  }

  /** Every row of {@code target} becomes {@code row}. */
  static void broadcastRows(Matrix row, Matrix target) {
    int m = target.rows();
    int n = target.cols();
    if (target instanceof F32Matrix ft) {
      float[] t = ft.values;
      float[] r = ((F32Matrix) row).values;
      for (int i = 0; i < m; i++) {
        for (int j = 0, base = i * n; j < n; j++) {
          t[base + j] = r[j];
        }
      }
    } else {
      double[] t = ((F64Matrix) target).values;
      double[] r = ((F64Matrix) row).values;
      for (int i = 0; i < m; i++) {
        for (int j = 0, base = i * n; j < n; j++) {
          t[base + j] = r[j];
        }
      }
    }
  }

  /** {@code sums[j] += Σ_i x[i][j]}. */
  static void addColumnSums(Matrix x, Matrix sums) {
    int m = x.rows();
    int n = x.cols();
    if (x instanceof F32Matrix fx) {
      float[] a = fx.values;
      float[] s = ((F32Matrix) sums).values;
      for (int i = 0; i < m; i++) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
          s[j] = s[j] + a[base + j];
        }
      }
    } else {
      double[] a = ((F64Matrix) x).values;
      double[] s = ((F64Matrix) sums).values;
      for (int i = 0; i < m; i++) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
          s[j] = s[j] + a[base + j];
        }
      }
    }
  }

  @Override
  public String toString() {
    return "affine(" + aPrev.name() + ", " + w.name() + (b == null ? "" : ", " + b.name()) + ") "
        + Arrays.toString(new int[] {out.value().rows(), out.value().cols()});
  }
}
