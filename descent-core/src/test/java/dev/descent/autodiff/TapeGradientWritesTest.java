package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.descent.CenteredDifferences;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.tensor.SizeSwitchingGemm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backward writes some gradients instead of zeroing and adding to them (the first contribution
 * of an op that can, see {@link Op#canOverwriteGrad}). Whatever the gradients held before must
 * then not matter, and gradients with several contributions must still get all of them: a
 * weight shared by two layers, a value used twice by one op.
 */
class TapeGradientWritesTest {

  /** X → affine(W, b1) → relu → affine(W, b2) (the same W) → tanh → A ⊙ A → mean squared error. */
  private record Net(Tape tape, Variable cost, List<Variable> all, List<Variable> parameters) {
    /** {@code threshold}: products below it run in loops (Long.MAX_VALUE: all), the rest in OpenBLAS (1: all). */
    static Net build(Precision precision, long threshold) {
      Rng rng = Rng.of(5);
      Variable x = Variable.placeholder("X", Matrix.zeros(precision, 6, 3));
      x.feed(gaussian(precision, 6, 3, rng));
      Variable w = Variable.parameter("W", gaussian(precision, 3, 3, rng));
      Variable b1 = Variable.parameter("b1", gaussian(precision, 1, 3, rng));
      Variable b2 = Variable.parameter("b2", gaussian(precision, 1, 3, rng));
      Variable y = Variable.constant("Y", gaussian(precision, 6, 3, rng));
      Gemm gemm = new SizeSwitchingGemm(threshold);
      Tape tape = new Tape();
      Variable z1 = tape.record(new Affine(x, w, b1, gemm));
      Variable a1 = tape.record(new Pointwise(Pointwise.Function.RELU, z1));
      Variable z2 = tape.record(new Affine(a1, w, b2, gemm));
      Variable a2 = tape.record(new Pointwise(Pointwise.Function.TANH, z2));
      Variable square = tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, a2, a2));
      Variable cost = tape.record(new MeanSquaredError(square, y));
      return new Net(tape, cost, List.of(w, b1, b2, z1, a1, z2, a2, square, cost), List.of(w, b1, b2));
    }

    List<double[]> gradients() {
      tape.forward();
      tape.backward(cost);
      List<double[]> out = new ArrayList<>();
      for (Variable v : all) {
        double[] g = new double[v.grad().size()];
        for (int k = 0; k < g.length; k++) {
          g[k] = v.grad().getFlat(k);
        }
        out.add(g);
      }
      return out;
    }

    double costAt() {
      tape.forward();
      return cost.scalar();
    }
  }

  static Matrix gaussian(Precision precision, int rows, int cols, Rng rng) {
    Matrix m = Matrix.zeros(precision, rows, cols);
    for (int k = 0; k < m.size(); k++) {
      // away from relu's kink, so that centered differences see one side
      double v = rng.nextGaussian();
      m.setFlat(k, v + Math.copySign(0.2, v));
    }
    return m;
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void whatTheGradientsHeldBeforeDoesNotMatter(Precision precision) {
    for (long threshold : new long[] {Long.MAX_VALUE, 1}) {
      Net net = Net.build(precision, threshold);
      List<double[]> clean = net.gradients();
      for (Variable v : net.all()) {
        v.grad().fill(Double.NaN);
      }
      List<double[]> afterNaN = net.gradients();
      for (int i = 0; i < clean.size(); i++) {
        for (int k = 0; k < clean.get(i).length; k++) {
          assertFalse(Double.isNaN(clean.get(i)[k]), net.all().get(i).name());
          assertEquals(Double.doubleToLongBits(clean.get(i)[k]), Double.doubleToLongBits(afterNaN.get(i)[k]),
              "d" + net.all().get(i).name() + "[" + k + "] after the gradients held NaN (threshold " + threshold + ")");
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void sharedAndRepeatedVariablesGetEveryContribution() {
    Net net = Net.build(Precision.F64, Long.MAX_VALUE);
    List<double[]> analytic = net.gradients();
    double eps = 1e-6;
    for (int p = 0; p < net.parameters().size(); p++) {
      Matrix numerics = CenteredDifferences.of(net.parameters().get(p).value(), net::costAt, eps);
      for (int k = 0; k < numerics.size(); k++) {
        double numeric = numerics.getFlat(k);
        assertEquals(numeric, analytic.get(p)[k], 1e-7 * Math.max(1, Math.abs(numeric)),
            "d" + net.parameters().get(p).name() + "[" + k + "]");
      }
    }
  }
}
