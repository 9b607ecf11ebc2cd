package dev.descent.autodiff;

import java.util.List;

/** One element {@code x[i][j]} as a 1×1 result (the course's {@code x[0][0]}). */
public final class Element extends Op {
  private final Variable x;
  private final int row;
  private final int col;

  public Element(Variable x, int row, int col) {
    super(List.of(x), Variable.result(x.name() + "[" + row + "][" + col + "]", x.value().like(1, 1), x.needsGrad()));
    if (row < 0 || row >= x.value().rows() || col < 0 || col >= x.value().cols()) {
      throw new IllegalArgumentException("element [" + row + "][" + col + "] is outside "
          + x.name() + ", which is " + x.value().shape());
    }
    this.x = x;
    this.row = row;
    this.col = col;
  }

  @Override
  public void forward() {
    out.value().setFlat(0, x.value().get(row, col));
  }

  @Override
  public void backward() {
    x.grad().set(row, col, x.grad().get(row, col) + out.grad().getFlat(0));
  }
}
