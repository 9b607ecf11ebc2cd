package dev.descent.autodiff;

import dev.descent.tensor.Gemm;
import java.util.List;

/** The matrix product {@code C = A·B}; backward {@code dA += dC·Bᵀ}, {@code dB += Aᵀ·dC}. */
public final class MatMul extends Op {
  private final Variable a;
  private final Variable b;
  private final Gemm gemm;

  public MatMul(Variable a, Variable b, Gemm gemm) {
    super(List.of(a, b), Variable.result("matmul", a.value().like(a.value().rows(), b.value().cols()), anyNeedsGrad(a, b)));
    if (a.value().cols() != b.value().rows()) {
      throw new IllegalArgumentException("matmul: " + a.name() + " is " + a.value().shape() + " and "
          + b.name() + " is " + b.value().shape() + "; the columns of the first must equal the rows of the second");
    }
    this.a = a;
    this.b = b;
    this.gemm = gemm;
  }

  @Override
  public void forward() {
    gemm.multiply(a.value(), false, b.value(), false, out.value(), 1, 0);
  }

  @Override
  public void backward() {
    if (a.needsGrad()) {
      gemm.multiply(out.grad(), false, b.value(), true, a.grad(), 1, 1);
    }
    if (b.needsGrad()) {
      gemm.multiply(a.value(), true, out.grad(), false, b.grad(), 1, 1);
    }
  }
}
