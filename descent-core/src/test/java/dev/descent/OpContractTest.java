package dev.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.OpCase.Output.Kind;
import dev.descent.autodiff.Arithmetic;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Reduce;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Layer;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Stochastic;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every op and layer promises (issue 19, section 5), over the cases of {@link OpCases}: its
 * output has the declared shape and the operands' precision; backprop matches centered
 * differences for every operand and parameter, over a batch and a batch of 1, and adds to a
 * gradient that a later op started (as {@link Op} asks); float32 follows float64; a batch of 1
 * gives what its example gives in the batch; operands are left as they were and replays repeat
 * themselves bit for bit (forward, and backward: no gradient kept from the pass before); NaN
 * passes on (design.md: a diverged unit must make the cost NaN, as in numpy and PyTorch); and a
 * replay allocates nothing. Layers also: their output has {@code outputSize} columns, a
 * convertible one copies its parameters into the other precision, and a stochastic one made
 * deterministic trains as it infers.
 *
 * <p>The cost differentiated is {@code J = Σ R ⊙ out} with fixed random weights R, so every
 * element of the output and of each gradient counts.
 */
class OpContractTest {
  static final long SEED = 19;
  static final double EPS = 1e-6;

  static Stream<OpCase> cases() {
    return OpCases.all().stream();
  }

  static Stream<OpCase> bothPrecisionsCases() {
    return cases().filter(c -> c.precisions().size() == 2);
  }

  static Stream<OpCase> convertibleCases() {
    return cases().filter(c -> !applied(c, Network.Convertible.class).isEmpty());
  }

  static Stream<OpCase> stochasticCases() {
    return cases().filter(c -> !applied(c, Stochastic.class).isEmpty());
  }

  /** The layers of {@code kind} that case {@code c} applies. */
  static List<Operands.Applied> applied(OpCase c, Class<?> kind) {
    return Built.of(c, c.checked()).in.applied().stream().filter(a -> kind.isInstance(a.layer())).toList();
  }

  /** A case recorded on its tape, followed by the cost J = Σ R ⊙ out. */
  static final class Built {
    final Operands in;
    final Variable out;
    final Variable cost;
    final List<Op> ops;

    /**
     * With {@code shared}, J also has a term {@code Σ Q ⊙ v} for every operand v that needs a
     * gradient, recorded after the op, so that its backward runs first: the op must then add its
     * contribution to v's gradient, not write it.
     */
    Built(OpCase c, Operands in, boolean shared) {
      this.in = in;
      this.out = c.recipe().record(in);
      this.ops = in.tape().ops();
      Variable j = weightedSum(out, "R");
      if (shared) {
        for (Variable v : in.variables()) {
          if (v.needsGrad()) {
            j = in.tape().record(new Arithmetic(Arithmetic.Kind.ADD, j, weightedSum(v, "Q" + v.name())));
          }
        }
      }
      this.cost = j;
    }

    /** {@code Σ W ⊙ v} with fixed weights W drawn by {@code name}. */
    private Variable weightedSum(Variable v, String name) {
      Matrix w = v.value().zerosLike();
      Rng rng = Rng.of(SEED).fork(name, 0);
      for (int k = 0; k < w.size(); k++) {
        w.setFlat(k, (float) rng.nextGaussian());
      }
      Tape tape = in.tape();
      return tape.record(new Reduce(Reduce.Kind.SUM, tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, v, Variable.constant(name, w)))));
    }

    static Built of(OpCase c, Precision p, int... rows) {
      return new Built(c, rows.length == 0 ? Operands.full(p, SEED) : new Operands(p, SEED, rows), false);
    }

    /** Over the full batch, each operand that needs a gradient also used by a later op. */
    static Built shared(OpCase c, Precision p) {
      return new Built(c, Operands.full(p, SEED), true);
    }

    double j() {
      in.tape().forward();
      return cost.scalar();
    }

    /** The variables backprop must reach: every operand and parameter that needs a gradient. */
    List<Variable> differentiable() {
      List<Variable> out = new ArrayList<>();
      for (Variable v : in.variables()) {
        if (v.needsGrad()) {
          out.add(v);
        }
      }
      return out;
    }

    void backward() {
      if (cost.needsGrad()) {
        in.tape().backward(cost);
      }
    }
  }

  /** A batch of 1 at example {@code i}, or null where the case refuses it as {@link Kind#BATCH_STATISTICS} may. */
  static Built batchOfOne(OpCase c, Precision p, int i) {
    try {
      return Built.of(c, p, i);
    } catch (IllegalArgumentException e) {
      assertEquals(Kind.BATCH_STATISTICS, c.output().kind(), c + " refused a batch of 1: " + e.getMessage());
      assertTrue(e.getMessage().contains("batch of 1"), c + " refused a batch of 1 without saying so: " + e.getMessage());
      return null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputHasTheDeclaredShapeAndTheOperandsPrecision(OpCase c) {
    for (Precision p : c.precisions()) {
      for (Built b : new Built[] {Built.of(c, p), batchOfOne(c, p, 0)}) {
        if (b == null) {
          continue;
        }
        Matrix out = b.out.value();
        int m = b.in.m();
        assertEquals(c.output().rowsFor(m) + "×" + c.output().cols(), out.rows() + "×" + out.cols(), c + " at m = " + m);
        assertEquals(p, out.precision(), c + " output");
        for (Variable v : b.differentiable()) {
          assertTrue(v.grad().sameShape(v.value()) && v.grad().precision() == p, c + ": gradient of " + v.name());
        }
        for (int k = 0; k < out.size(); k++) {
          assertTrue(Double.isFinite(out.getFlat(k)), c + " at m = " + m + ": output[" + k + "] = " + out.getFlat(k));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backpropMatchesCenteredDifferencesForEveryOperandAndParameter(OpCase c) {
    Precision p = c.checked();
    // float32 only: a larger step, and a tolerance above float32's rounding of J over 2ε
    double eps = p == Precision.F64 ? EPS : 1e-2;
    double tolerance = p == Precision.F64 ? 1e-6 : 5e-3;
    for (Built b : new Built[] {Built.of(c, p), batchOfOne(c, p, 2), Built.shared(c, p)}) {
      if (b == null) {
        continue;
      }
      List<Variable> reached = b.differentiable();
      assertEquals(!reached.isEmpty(), b.out.needsGrad(), c + ": the output needs a gradient exactly when an operand does");
      b.backward();
      for (Variable v : reached) {
        Matrix analytic = v.grad().copy();
        Matrix numeric = CenteredDifferences.of(v.value(), b::j, eps);
        for (int k = 0; k < numeric.size(); k++) {
          double a = analytic.getFlat(k);
          double n = numeric.getFlat(k);
          assertTrue(Math.abs(a - n) <= tolerance * Math.max(1, Math.abs(n)),
              c + " at m = " + b.in.m() + ": d" + v.name() + "[" + k + "] = " + a + " by backprop, " + n + " by differences");
        }
      }
    }
  }

  /** The same, in float32: the ops' float32 backward (ReLU writes its gradient there) adds where it must. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backpropAddsToAGradientThatALaterOpStarted(OpCase c) {
    for (Precision p : c.precisions()) {
      Built alone = Built.of(c, p);
      Built shared = Built.shared(c, p);
      alone.backward();
      shared.backward();
      List<Variable> a = alone.differentiable();
      List<Variable> b = shared.differentiable();
      for (int i = 0; i < a.size(); i++) {
        // the later op's term Σ Q ⊙ v contributes Q to v's gradient
        Matrix q = a.get(i).value().zerosLike();
        Rng rng = Rng.of(SEED).fork("Q" + a.get(i).name(), 0);
        for (int k = 0; k < q.size(); k++) {
          q.setFlat(k, a.get(i).grad().getFlat(k) + (float) rng.nextGaussian());
        }
        Golden.assertClose(q, b.get(i).grad(), p == Precision.F64 ? 1e-15 : 1e-6, c + " " + p + ": d" + a.get(i).name()
            + " with a later op using it too");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothPrecisionsCases")
  void float32FollowsFloat64(OpCase c) {
    Built f64 = Built.of(c, Precision.F64);
    Built f32 = Built.of(c, Precision.F32);
    f64.backward();
    f32.backward();
    Golden.assertClose(f64.out.value(), f32.out.value(), 1e-5, c + " float32 output");
    List<Variable> v64 = f64.differentiable();
    List<Variable> v32 = f32.differentiable();
    assertEquals(v64.size(), v32.size());
    for (int i = 0; i < v64.size(); i++) {
      Golden.assertClose(v64.get(i).grad(), v32.get(i).grad(), 1e-5, c + " float32 d" + v64.get(i).name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBatchOfOneGivesWhatItsExampleGivesInTheBatch(OpCase c) {
    Precision p = c.checked();
    // float32 only: a fused op may sum in another order for another m
    double tolerance = p == Precision.F64 ? 1e-12 : 1e-6;
    Built batch = Built.of(c, p);
    Matrix whole = batch.out.value();
    double total = 0;
    for (int i = 0; i < Operands.FULL_BATCH; i++) {
      Built one = batchOfOne(c, p, i);
      if (one == null) {
        return;
      }
      Matrix alone = one.out.value();
      switch (c.output().kind()) {
        case ROWS -> {
          for (int j = 0; j < whole.cols(); j++) {
            Golden.assertClose(whole.get(i, j), alone.get(0, j), tolerance, c + ": example " + i + ", column " + j);
          }
        }
        case FIXED -> Golden.assertClose(whole, alone, 0, c + " without a batch");
        case MEAN, SUM -> total += alone.getFlat(0);
        case BATCH_STATISTICS -> {
          for (int k = 0; k < alone.size(); k++) {
            assertTrue(Double.isFinite(alone.getFlat(k)), c + ": a batch of 1 gives " + alone);
          }
        }
      }
    }
    if (c.output().kind() == Kind.MEAN || c.output().kind() == Kind.SUM) {
      double expected = c.output().kind() == Kind.MEAN ? total / Operands.FULL_BATCH : total;
      Golden.assertClose(expected, whole.getFlat(0), tolerance, c + " over the batch against its examples alone");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void operandsAreLeftAsTheyWereAndReplaysRepeatBitForBit(OpCase c) {
    for (Precision p : c.precisions()) {
      Built b = Built.of(c, p);
      List<Matrix> before = values(b.in.variables());
      Matrix recorded = b.out.value().copy();
      b.backward();
      List<Matrix> grads = grads(b.differentiable());
      for (int pass = 0; pass < 2; pass++) {
        b.in.tape().forward();
        assertArrayEquals(recorded.toArray(), b.out.value().toArray(), 0, c + " " + p + ": a replayed forward");
        b.backward();
        List<Matrix> again = grads(b.differentiable());
        for (int i = 0; i < grads.size(); i++) {
          assertArrayEquals(grads.get(i).toArray(), again.get(i).toArray(), 0,
              c + " " + p + ": a replayed backward, d" + b.differentiable().get(i).name());
        }
      }
      List<Matrix> after = values(b.in.variables());
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i).toArray(), after.get(i).toArray(), 0,
            c + " " + p + " changed its operand " + b.in.variables().get(i).name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nanInTheOperandsMakesEveryOutputNan(OpCase c) {
    for (Precision p : c.precisions()) {
      Built b = Built.of(c, p);
      List<Variable> operands = b.in.batches().isEmpty() ? b.in.parameters() : b.in.batches();
      operands.get(0).value().fill(Double.NaN);
      b.in.tape().forward();
      Matrix out = b.out.value();
      for (int k = 0; k < out.size(); k++) {
        assertTrue(Double.isNaN(out.getFlat(k)), c + " " + p + ": " + operands.get(0).name() + " all NaN, but output["
            + k + "] = " + out.getFlat(k));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aReplayAllocatesNothing(OpCase c) {
    Built b = Built.of(c, Precision.F32);
    for (int t = 0; t < 3; t++) {
      b.in.tape().forward();
      b.backward();
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // Something allocated once (a late JIT compilation, OpenBLAS's first product in a fresh JVM)
    // falls in one round of 500 replays; an allocation per replay falls in every round.
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 3 && allocated >= 1024; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int t = 0; t < 500; t++) {
        b.in.tape().forward();
        b.backward();
      }
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
    }
    // a few bytes may come from the measurement itself; one object per replay would be ≥ 8 kB
    assertTrue(allocated < 1024, c + " allocated " + allocated + " bytes in 500 forward and backward passes");
  }

  /** A layer that converts to another precision copies its parameters, rounded, and leaves its own alone. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("convertibleCases")
  void aConvertibleLayerCopiesItsParametersIntoTheOtherPrecision(OpCase c) {
    for (Operands.Applied a : applied(c, Network.Convertible.class)) {
      Layer copy = ((Network.Convertible) a.layer()).to(Precision.F32);
      assertEquals(a.layer().spec(), copy.spec(), c + ": the converted layer's spec");
      List<Variable> mine = a.layer().parameters();
      List<Variable> theirs = copy.parameters();
      assertEquals(mine.size(), theirs.size(), c + ": parameters of the converted layer");
      for (int i = 0; i < mine.size(); i++) {
        Matrix original = mine.get(i).value();
        assertEquals(mine.get(i).name(), theirs.get(i).name());
        assertEquals(original.to(Precision.F32), theirs.get(i).value(), c + ": converted " + mine.get(i).name());
        Matrix before = original.copy();
        theirs.get(i).value().fill(7);
        assertEquals(before, original, c + ": " + mine.get(i).name() + " changed with its converted copy");
      }
    }
  }

  /** Made deterministic (as a gradient check does), a stochastic layer gives in training what it gives in inference. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stochasticCases")
  void aStochasticLayerMadeDeterministicTrainsAsItInfers(OpCase c) {
    Operands in = Built.of(c, c.checked()).in;
    for (Operands.Applied a : in.applied()) {
      if (!(a.layer() instanceof Stochastic)) {
        continue;
      }
      Layer deterministic = ((Stochastic) a.layer()).deterministic();
      assertEquals(deterministic, ((Stochastic) deterministic).deterministic(), c + ": deterministic twice");
      Matrix trained = deterministic.apply(new Tape(), a.input(), in.context(Mode.TRAIN)).value().copy();
      Matrix inferred = a.layer().apply(new Tape(), a.input(), in.context(Mode.INFER)).value();
      assertArrayEquals(inferred.toArray(), trained.toArray(), 0, c + ": deterministic in training");
    }
  }

  /** Every concrete {@code Op} and {@code Layer} of the main sources is recorded or applied by some case. */
  @Test
  void everyOpAndLayerOfTheLibraryHasACase() {
    Set<Class<?>> covered = new LinkedHashSet<>();
    for (OpCase c : OpCases.all()) {
      Built b = Built.of(c, c.checked());
      for (Op op : b.ops) {
        covered.add(op.getClass());
      }
      for (Operands.Applied a : b.in.applied()) {
        covered.add(a.layer().getClass());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Class<?> type : List.of(Op.class, Layer.class)) {
      List<Class<?>> all = MainClasses.implementing(type);
      assertFalse(all.isEmpty(), "no " + type.getSimpleName() + " found in the main classes");
      for (Class<?> k : all) {
        if (!covered.contains(k)) {
          missing.add(k.getName());
        }
      }
    }
    assertTrue(missing.isEmpty(), "no case in OpCases records or applies " + missing
        + "; add a line to OpCases.all() for each (one op or layer, its operands and its output)");
  }

  private static List<Matrix> values(List<Variable> vars) {
    List<Matrix> out = new ArrayList<>();
    for (Variable v : vars) {
      out.add(v.value().copy());
    }
    return out;
  }

  private static List<Matrix> grads(List<Variable> vars) {
    List<Matrix> out = new ArrayList<>();
    for (Variable v : vars) {
      out.add(v.grad().copy());
    }
    return out;
  }
}
