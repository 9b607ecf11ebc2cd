package dev.descent.autodiff;

import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Element-wise {@code a + b}, {@code a − b}, {@code a ⊙ b} or {@code a / b}, with broadcasting: a
 * dimension of 1 on either side stretches to the other's (a 1×1 scalar, a 1×n row, an m×1
 * column). Backward sums the gradient over the stretched dimension.
 */
public final class Arithmetic extends Op {
  public enum Kind { ADD, SUBTRACT, MULTIPLY, DIVIDE }

  private final Kind kind;
  private final Variable a;
  private final Variable b;

  public Arithmetic(Kind kind, Variable a, Variable b) {
    super(List.of(a, b), Variable.result(kind.name().toLowerCase(), broadcastShape(kind, a.value(), b.value()),
        anyNeedsGrad(a, b)));
    this.kind = kind;
    this.a = a;
    this.b = b;
  }

  private static Matrix broadcastShape(Kind kind, Matrix a, Matrix b) {
    int rows = dimension(kind, a, b, a.rows(), b.rows());
    int cols = dimension(kind, a, b, a.cols(), b.cols());
    if (a.precision() != b.precision()) {
      throw new IllegalArgumentException(kind.name().toLowerCase() + ": mixed precisions " + a.precision() + " and " + b.precision());
    }
    return a.like(rows, cols);
  }

  private static int dimension(Kind kind, Matrix a, Matrix b, int da, int db) {
    if (da == db || db == 1) {
      return da;
    }
    if (da == 1) {
      return db;
    }
    throw new IllegalArgumentException(kind.name().toLowerCase() + ": shapes " + a.shape() + " and "
        + b.shape() + " do not broadcast (each dimension must match or be 1)");
  }

  @Override
  public void forward() {
    Matrix av = a.value();
    Matrix bv = b.value();
    Matrix o = out.value();
    for (int i = 0, m = o.rows(); i < m; i++) {
      for (int j = 0, n = o.cols(); j < n; j++) {
        double x = av.get(i % av.rows(), j % av.cols());
        double y = bv.get(i % bv.rows(), j % bv.cols());
        o.set(i, j, switch (kind) {
          case ADD -> x + y;
          case SUBTRACT -> x - y;
          case MULTIPLY -> x * y;
          case DIVIDE -> x / y;
        });
      }
    }
  }

  @Override
  public void backward() {
    Matrix av = a.value();
    Matrix bv = b.value();
    Matrix g = out.grad();
    Matrix ga = a.grad();
    Matrix gb = b.grad();
    for (int i = 0, m = g.rows(); i < m; i++) {
      for (int j = 0, n = g.cols(); j < n; j++) {
        int ai = i % av.rows();
        int aj = j % av.cols();
        int bi = i % bv.rows();
        int bj = j % bv.cols();
        double d = g.get(i, j);
        double x = av.get(ai, aj);
        double y = bv.get(bi, bj);
        if (ga != null) {
          ga.set(ai, aj, ga.get(ai, aj) + switch (kind) {
            case ADD, SUBTRACT -> d;
            case MULTIPLY -> d * y;
            case DIVIDE -> d / y;
          });
        }
        if (gb != null) {
          gb.set(bi, bj, gb.get(bi, bj) + switch (kind) {
            case ADD -> d;
            case SUBTRACT -> -d;
            case MULTIPLY -> d * x;
            case DIVIDE -> -d * x / (y * y);
          });
        }
      }
    }
  }
}
