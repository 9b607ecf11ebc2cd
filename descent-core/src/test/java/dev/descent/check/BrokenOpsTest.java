package dev.descent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Affine;
import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.regularize.GoldenNet;
import dev.descent.regularize.InvertedDropout;
import dev.descent.regularize.MaskSource;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checker must catch a wrong backward rule in every kind of op a network records: each
 * broken op below has a correct forward and one classic backward mistake, and the same tape with
 * the real op passes.
 *
 * <p>NOTE: batch norm is being written on another branch; when it lands, add a broken twin here
 * (e.g. a backward that forgets the batch mean's dependence on each x, dx = γ·dy/σ) and check that
 * the network-level check runs it in TRAIN mode with batch statistics.
 */
class BrokenOpsTest {

  /** Z = A·Wᵀ + b, but backward leaves the last example out of dW (an off-by-one in the loop over m). */
  static final class AffineForgettingLastExample extends Op {
    private final Variable a;
    private final Variable w;
    private final Variable b;

    AffineForgettingLastExample(Variable a, Variable w, Variable b) {
      super(List.of(a, w, b), Variable.result("Z", a.value().like(a.value().rows(), w.value().rows()), true));
      this.a = a;
      this.w = w;
      this.b = b;
    }

    @Override
    public void forward() {
      Matrix z = out.value();
      for (int i = 0; i < z.rows(); i++) {
        for (int j = 0; j < z.cols(); j++) {
          double s = b.value().get(0, j);
          for (int k = 0; k < w.value().cols(); k++) {
            s += a.value().get(i, k) * w.value().get(j, k);
          }
          z.set(i, j, s);
        }
      }
    }

    @Override
    public void backward() {
      Matrix dz = out.grad();
      int m = dz.rows();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < dz.cols(); j++) {
          double g = dz.get(i, j);
          b.grad().set(0, j, b.grad().get(0, j) + g);
          for (int k = 0; k < w.value().cols(); k++) {
            if (i < m - 1) {
              w.grad().set(j, k, w.grad().get(j, k) + g * a.value().get(i, k));
            }
            if (a.needsGrad()) {
              a.grad().set(i, k, a.grad().get(i, k) + g * w.value().get(j, k));
            }
          }
        }
      }
    }
  }

  /** tanh, but backward uses 1 − z² where it needs 1 − tanh(z)². */
  static final class TanhWithDerivativeOfTheInput extends Op {
    private final Variable z;

    TanhWithDerivativeOfTheInput(Variable z) {
      super(List.of(z), Variable.result("tanh", z.value().zerosLike(), z.needsGrad()));
      this.z = z;
    }

    @Override
    public void forward() {
      for (int k = 0; k < z.value().size(); k++) {
        out.value().setFlat(k, Math.tanh(z.value().getFlat(k)));
      }
    }

    @Override
    public void backward() {
      for (int k = 0; k < z.value().size(); k++) {
        double x = z.value().getFlat(k);
        z.grad().setFlat(k, z.grad().getFlat(k) + out.grad().getFlat(k) * (1 - x * x));
      }
    }
  }

  /** Mean binary cross-entropy, but backward forgets the 1/m of the mean. */
  static final class CrossEntropyForgettingTheMean extends Op {
    private final Variable z;
    private final Variable y;

    CrossEntropyForgettingTheMean(Variable z, Variable y) {
      super(List.of(z, y), Variable.result("cost", z.value().like(1, 1), true));
      this.z = z;
      this.y = y;
    }

    @Override
    public void forward() {
      double s = 0;
      for (int k = 0; k < z.value().size(); k++) {
        double p = Pointwise.sigmoid(z.value().getFlat(k));
        double t = y.value().getFlat(k);
        s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
      }
      out.value().setFlat(0, s / z.value().rows());
    }

    @Override
    public void backward() {
      for (int k = 0; k < z.value().size(); k++) {
        double d = Pointwise.sigmoid(z.value().getFlat(k)) - y.value().getFlat(k);
        z.grad().setFlat(k, z.grad().getFlat(k) + out.grad().getFlat(0) * d);
      }
    }
  }

  /** Inverted dropout with a fixed mask, but backward forgets to divide by keepProb. */
  static final class DropoutForgettingKeepProb extends Op {
    private final Variable a;
    private final Matrix mask;
    private final double keepProb;

    DropoutForgettingKeepProb(Variable a, Matrix mask, double keepProb) {
      super(List.of(a), Variable.result("dropout", a.value().zerosLike(), a.needsGrad()));
      this.a = a;
      this.mask = mask;
      this.keepProb = keepProb;
    }

    @Override
    public void forward() {
      for (int k = 0; k < mask.size(); k++) {
        out.value().setFlat(k, a.value().getFlat(k) * mask.getFlat(k) / keepProb);
      }
    }

    @Override
    public void backward() {
      for (int k = 0; k < mask.size(); k++) {
        a.grad().setFlat(k, a.grad().getFlat(k) + out.grad().getFlat(k) * mask.getFlat(k));
      }
    }
  }

  /** Builds the golden [4,5,3,1] tape by hand, with a hook per op kind. */
  record Recipe(Function<Variable[], Op> affine, Function<Variable, Op> hidden1,
      Function<Variable, Op> dropout, BiFunction<Variable, Variable, Op> loss) {
    static Recipe correct() {
      return new Recipe(v -> new Affine(v[0], v[1], v[2], Gemm.auto()), z -> new Pointwise(Pointwise.Function.TANH, z),
          a -> new InvertedDropout(a, 0.8, MaskSource.fixed(GoldenNet.mask("D1")), Rng.of(1)),
          BinaryCrossEntropy::new);
    }

    GradientCheckReport check() {
      List<Variable> params = new ArrayList<>();
      for (String name : List.of("W1", "b1", "W2", "b2", "W3", "b3")) {
        params.add(Variable.parameter(name, dev.descent.Golden.matrix(GoldenNet.G.get("params").get(name), Precision.F64)));
      }
      Tape tape = new Tape();
      Variable x = Variable.constant("X", GoldenNet.x());
      Variable y = Variable.constant("Y", GoldenNet.y());
      Variable z1 = tape.record(affine.apply(new Variable[] {x, params.get(0), params.get(1)}));
      Variable a1 = tape.record(dropout.apply(tape.record(hidden1.apply(z1))));
      Variable z2 = tape.record(new Affine(a1, params.get(2), params.get(3), Gemm.auto()));
      Variable a2 = tape.record(new Pointwise(Pointwise.Function.RELU, z2));
      Variable z3 = tape.record(new Affine(a2, params.get(4), params.get(5), Gemm.auto()));
      Variable cost = tape.record(loss.apply(z3, y));
      return GradientCheck.of(tape, cost, params).run();
    }
  }

  static void assertBug(GradientCheckReport report, String top) {
    assertEquals(Verdict.BUG, report.verdict(), report.text());
    assertEquals(top, report.ranking().get(0).name(), report.text());
  }

  @Test
  void theCorrectTapePasses() {
    GradientCheckReport report = Recipe.correct().check();
    assertEquals(Verdict.OK, report.verdict(), report.text());
  }

  @Test
  void brokenAffineBackwardIsABug() {
    Recipe r = Recipe.correct();
    GradientCheckReport report = new Recipe(v -> new AffineForgettingLastExample(v[0], v[1], v[2]), r.hidden1(), r.dropout(), r.loss()).check();
    assertBug(report, "W1");
    assertTrue(report.parameter("b1").verdict() == Verdict.OK, report.text());
  }

  @Test
  void brokenPointwiseBackwardIsABug() {
    Recipe r = Recipe.correct();
    GradientCheckReport report = new Recipe(r.affine(), TanhWithDerivativeOfTheInput::new, r.dropout(), r.loss()).check();
    assertEquals(Verdict.BUG, report.verdict(), report.text());
    // only the parameters before the tanh receive a wrong gradient
    assertEquals(java.util.Set.of("W1", "b1"),
        java.util.Set.of(report.ranking().get(0).name(), report.ranking().get(1).name()), report.text());
    assertEquals(Verdict.OK, report.parameter("W3").verdict(), report.text());
  }

  @Test
  void brokenLossBackwardIsABug() {
    Recipe r = Recipe.correct();
    GradientCheckReport report = new Recipe(r.affine(), r.hidden1(), r.dropout(), CrossEntropyForgettingTheMean::new).check();
    assertEquals(Verdict.BUG, report.verdict(), report.text());
    // every gradient is m = 7 times too large: (7 − 1) / (7 + 1)
    assertEquals(0.75, report.difference(), 1e-6);
  }

  @Test
  void brokenDropoutBackwardIsABug() {
    Recipe r = Recipe.correct();
    Matrix d1 = GoldenNet.mask("D1");
    GradientCheckReport report = new Recipe(r.affine(), r.hidden1(), a -> new DropoutForgettingKeepProb(a, d1, 0.8), r.loss()).check();
    assertEquals(Verdict.BUG, report.verdict(), report.text());
    // dW1 and db1 are 0.8 times the truth: (1 − 0.8) / (1 + 0.8)
    assertEquals(0.2 / 1.8, report.parameter("W1").difference(), 1e-6);
    assertEquals(Verdict.OK, report.parameter("W2").verdict(), report.text());
  }
}
