package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/** Element-wise {@code x^p} for a constant exponent p; backward {@code dx += p·x^(p−1)·dy}. */
public final class Power extends Op {
  private final Variable x;
  private final double exponent;

  public Power(Variable x, double exponent) {
    super(List.of(x), Variable.result("pow", x.value().zerosLike(), x.needsGrad()));
    this.x = x;
    this.exponent = exponent;
  }

  @Override
  public void forward() {
    Matrix xv = x.value();
    Matrix o = out.value();
    for (int k = 0, n = xv.size(); k < n; k++) {
      o.setFlat(k, Math.pow(xv.getFlat(k), exponent));
    }
  }

  @Override
  public void backward() {
    Matrix xv = x.value();
    Matrix g = out.grad();
    Matrix gx = x.grad();
    for (int k = 0, n = xv.size(); k < n; k++) {
      gx.setFlat(k, gx.getFlat(k) + exponent * Math.pow(xv.getFlat(k), exponent - 1) * g.getFlat(k));
    }
  }
}
