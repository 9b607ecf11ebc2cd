package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.CenteredDifferences;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Graph operation's gradient against centered differences, through a cost Σ op(a, b) ⊙ C. */
class GraphGradientTest {

  /** An operation on variables a (3×4) and b (shape per case), giving any shape. */
  record Case(String name, int bRows, int bCols, double shift, BiFunction<Expr, Expr, Expr> op) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    // shift moves the variables away from kinks and singularities (log, sqrt, abs, relu at 0)
    return Stream.of(
        new Case("add", 3, 4, 0, Expr::add),
        new Case("add row broadcast", 1, 4, 0, Expr::add),
        new Case("sub column broadcast", 3, 1, 0, Expr::sub),
        new Case("mul scalar broadcast", 1, 1, 0, Expr::mul),
        new Case("mul", 3, 4, 0, Expr::mul),
        new Case("div", 3, 4, 3, Expr::div),
        new Case("div by row", 1, 4, 3, Expr::div),
        new Case("add and sub with numbers", 1, 1, 0, (a, b) -> a.add(2).sub(b.mul(3)).div(4)),
        new Case("pow 3", 1, 1, 0, (a, b) -> a.pow(3)),
        new Case("pow 0.5", 1, 1, 3, (a, b) -> a.pow(0.5)),
        new Case("exp", 1, 1, 0, (a, b) -> a.exp()),
        new Case("log", 1, 1, 3, (a, b) -> a.log()),
        new Case("sqrt", 1, 1, 3, (a, b) -> a.sqrt()),
        new Case("abs", 1, 1, 3, (a, b) -> a.abs().add(a.neg().abs())),
        new Case("neg", 1, 1, 0, (a, b) -> a.neg()),
        new Case("relu", 1, 1, 0, (a, b) -> a.relu()),
        new Case("leaky relu", 1, 1, 0, (a, b) -> a.leakyRelu()),
        new Case("tanh", 1, 1, 0, (a, b) -> a.tanh()),
        new Case("sigmoid", 1, 1, 0, (a, b) -> a.sigmoid()),
        new Case("softmax", 1, 1, 0, (a, b) -> a.softmax()),
        new Case("matmul", 4, 2, 0, Expr::matmul),
        new Case("sum", 1, 1, 0, (a, b) -> a.mul(a).sum().mul(b)),
        new Case("mean", 1, 1, 0, (a, b) -> a.mul(a).mean().mul(b)),
        new Case("at", 1, 1, 0, (a, b) -> a.at(2, 1).mul(a.at(0, 3)).mul(b)),
        new Case("binary cross-entropy with logits", 3, 4, 0,
            (a, b) -> a.binaryCrossEntropyWithLogits(a.graph().constant("y", labels(3, 4, false)))),
        new Case("softmax cross-entropy with logits", 3, 4, 0,
            (a, b) -> a.softmaxCrossEntropyWithLogits(a.graph().constant("y", labels(3, 4, true)))),
        new Case("mean squared error", 3, 4, 0, (a, b) -> a.mul(b).meanSquaredError(a.graph().constant("y", labels(3, 4, false)))))
        .map(Arguments::of);
  }

  static Matrix labels(int rows, int cols, boolean oneHot) {
    Rng rng = Rng.of(11);
    Matrix y = Matrix.zeros(Precision.F64, rows, cols);
    for (int i = 0; i < rows; i++) {
      if (oneHot) {
        y.set(i, rng.nextInt(cols), 1);
      } else {
        for (int j = 0; j < cols; j++) {
          y.set(i, j, rng.nextDouble() < 0.5 ? 0 : 1);
        }
      }
    }
    return y;
  }

  static Matrix gaussian(int rows, int cols, Rng rng, double shift) {
    Matrix m = Matrix.zeros(Precision.F64, rows, cols);
    for (int k = 0; k < m.size(); k++) {
      double v = rng.nextGaussian();
      // keep |v| ≥ 0.1 so that centered differences never straddle the kink at 0
      m.setFlat(k, shift + Math.copySign(Math.abs(v) + 0.1, v));
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesCenteredDifferences(Case c) {
    for (long seed = 1; seed <= 3; seed++) {
      Rng rng = Rng.of(seed);
      Graph g = new Graph();
      Expr a = g.variable("a", gaussian(3, 4, rng, c.shift()));
      Expr b = g.variable("b", gaussian(c.bRows(), c.bCols(), rng, c.shift()));
      Expr result = c.op().apply(a, b);
      Expr weights = g.constant("C", gaussian(result.value().rows(), result.value().cols(), rng, 0));
      Expr cost = result.mul(weights).sum();
      g.differentiate(cost);
      for (Expr v : List.of(a, b)) {
        Matrix analytic = v.grad().copy();
        Matrix numeric = numericGradient(g, cost, v.value(), 1e-6);
        double difference = relativeDifference(numeric, analytic);
        assertTrue(difference < 1e-7, c.name() + ", seed " + seed + ", d" + v.name() + ": relative difference "
            + difference + "\nanalytic " + analytic + "\nnumeric  " + numeric);
      }
    }
  }

  static Matrix numericGradient(Graph g, Expr cost, Matrix value, double eps) {
    return CenteredDifferences.of(value, () -> g.run(cost).getFlat(0), eps);
  }

  /** ‖a − b‖/(‖a‖ + ‖b‖), 0 when both are 0 (a variable that the cost ignores). */
  static double relativeDifference(Matrix a, Matrix b) {
    double diff = 0;
    for (int k = 0; k < a.size(); k++) {
      diff += (a.getFlat(k) - b.getFlat(k)) * (a.getFlat(k) - b.getFlat(k));
    }
    double norms = Math.sqrt(a.squaredNorm()) + Math.sqrt(b.squaredNorm());
    return norms == 0 ? 0 : Math.sqrt(diff) / norms;
  }
}
