package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/** The sum or the mean of all elements, as a 1×1 result. */
public final class Reduce extends Op {
  public enum Kind { SUM, MEAN }

  private final Kind kind;
  private final Variable x;

  public Reduce(Kind kind, Variable x) {
    super(List.of(x), Variable.result(kind.name().toLowerCase(), x.value().like(1, 1), x.needsGrad()));
    this.kind = kind;
    this.x = x;
  }

  @Override
  public void forward() {
    Matrix xv = x.value();
    double s = 0;
    for (int k = 0, n = xv.size(); k < n; k++) {
      s += xv.getFlat(k);
    }
    out.value().setFlat(0, kind == Kind.SUM ? s : s / xv.size());
  }

  @Override
  public void backward() {
    Matrix gx = x.grad();
    double d = out.grad().getFlat(0) / (kind == Kind.SUM ? 1 : gx.size());
    for (int k = 0, n = gx.size(); k < n; k++) {
      gx.setFlat(k, gx.getFlat(k) + d);
    }
  }
}
