package dev.descent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.Golden;
import dev.descent.autodiff.Arithmetic;
import dev.descent.autodiff.Reduce;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.GoldenNet;
import dev.descent.regularize.InvertedDropout;
import dev.descent.regularize.L1Penalty;
import dev.descent.regularize.L2Penalty;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientCheckTest {

  static GradientCheck check(Network net) {
    return GradientCheck.of(net, GoldenNet.x(), GoldenNet.y());
  }

  static double[] goldenNumerical() {
    return Golden.doubles(Golden.load("gradient_check.json").get("numerical_gradient"));
  }

  @Test
  void costTermsAreIncludedInJ() {
    double lambda = GoldenNet.G.get("l2").get("lambda").asDouble();
    GradientCheckReport l2 = check(GoldenNet.build(Precision.F64, null, new L2Penalty(lambda))).run();
    assertEquals(Verdict.OK, l2.verdict(), l2.text());
    double[] analytic = l2.analyticGradient();
    double[] plain = Golden.doubles(Golden.load("gradient_check.json").get("analytic_gradient"));
    // dW1[0][0] carries (λ/m)·W1[0][0]
    double w = GoldenNet.G.get("params").get("W1").get("data").get(0).asDouble();
    double m = GoldenNet.x().rows();
    assertEquals(plain[0] + lambda / m * w, analytic[0], 1e-15);
    assertEquals(plain[0] + lambda / m * w, l2.numericalGradient()[0], 1e-8);
    L1Penalty l1Penalty = new L1Penalty(GoldenNet.G.get("l1").get("lambda").asDouble());
    GradientCheckReport l1 = check(GoldenNet.build(Precision.F64, null, l1Penalty)).run();
    assertEquals(Verdict.OK, l1.verdict(), l1.text());
  }

  @Test
  void dropoutIsSwitchedOffAndTheNetworkLeftAsItWas() {
    Network net = GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(0.8), Dropout.keep(0.8)});
    List<Matrix> before = new ArrayList<>();
    for (Variable v : net.parameters()) {
      before.add(v.value().copy());
    }
    GradientCheckReport report = check(net).run();
    assertTrue(report.dropoutDisabled());
    assertEquals(Verdict.OK, report.verdict(), report.text());
    // without dropout, J is the plain golden cost: the same numerical gradient as the fixture's
    assertTrue(ParameterDifference.relativeDifference(goldenNumerical(), report.numericalGradient()) < 1e-7);
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i), net.parameters().get(i).value());
    }
    assertInstanceOf(InvertedDropout.class, net.plan(7, Mode.TRAIN).tape().ops().get(2));
    assertTrue(report.text().contains("dropout switched off"), report.text());
  }

  @Test
  void aDatasetIsCheckedLikeItsMatrices() {
    dev.descent.data.Dataset data = new dev.descent.data.Dataset("golden", GoldenNet.x(), GoldenNet.y(),
        List.of("0", "1"), dev.descent.data.Dataset.numberedFeatures(4));
    GradientCheckReport report = GradientCheck.of(GoldenNet.build(Precision.F64, null), data).run();
    assertArrayEquals(check(GoldenNet.build(Precision.F64, null)).run().numericalGradient(), report.numericalGradient());
  }

  @Test
  void keepProbOneIsNotReportedAsDisabled() {
    GradientCheckReport report = check(GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(1), null})).run();
    assertEquals(false, report.dropoutDisabled());
  }

  @Test
  void aFloat32NetworkIsCheckedOnAFloat64Copy() {
    Network net32 = GoldenNet.build(Precision.F32, null);
    GradientCheck check = check(net32);
    assertEquals(Precision.F64, check.parameters().get(0).value().precision());
    GradientCheckReport report = check.run();
    assertEquals(Verdict.OK, report.verdict(), report.text());
    assertEquals(Precision.F32, net32.parameters().get(0).value().precision());
  }

  @Test
  void parametersAreRestoredExactlyAfterTheCheck() {
    Network net = GoldenNet.build(Precision.F64, null);
    GradientCheck check = check(net);
    List<Matrix> before = new ArrayList<>();
    for (Variable v : check.parameters()) {
      before.add(v.value().copy());
    }
    check.run();
    check.directional(5, Rng.of(2), CheckOptions.defaults());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i), check.parameters().get(i).value());
    }
  }

  @Test
  void rankingIsWorstFirstWithTheWorstEntry() {
    GradientCorruption oneEntry = (name, g) -> {
      if (name.equals("W2")) {
        g.set(1, 3, g.get(1, 3) + 0.5);
      }
    };
    GradientCheckReport report = check(GoldenNet.build(Precision.F64, null)).run(CheckOptions.defaults().withCorruption(oneEntry));
    ParameterDifference top = report.ranking().get(0);
    assertEquals("W2", top.name());
    assertEquals(1, top.worst().row());
    assertEquals(3, top.worst().col());
    assertEquals(0.5, top.worst().analytic() - top.worst().numerical(), 1e-7);
    assertEquals(Verdict.BUG, top.verdict());
    for (int i = 1; i < report.ranking().size(); i++) {
      assertTrue(report.ranking().get(i - 1).difference() >= report.ranking().get(i).difference());
      assertEquals(Verdict.OK, report.ranking().get(i).verdict());
    }
    assertTrue(report.text().contains("W2         3×5      "), report.text());
  }

  @Test
  void smallCorruptionGetsACheckVerdict() {
    GradientCheckReport report = check(GoldenNet.build(Precision.F64, null))
        .run(CheckOptions.defaults().withCorruption(GradientCorruption.scale("W2", 1 + 1e-4)));
    assertEquals(Verdict.CHECK, report.verdict(), report.text());
  }

  @Test
  void directionalModeAgreesAndCatchesTheLabCorruption() {
    GradientCheck check = check(GoldenNet.build(Precision.F64, null));
    DirectionalCheckReport ok = check.directional(10, Rng.of(4), CheckOptions.defaults());
    assertEquals(10, ok.directions());
    assertEquals(Verdict.OK, ok.verdict(), ok.text());
    DirectionalCheckReport again = check.directional(10, Rng.of(4), CheckOptions.defaults());
    assertArrayEquals(ok.numerical(), again.numerical());
    GradientCorruption lab = GradientCorruption.scale("W2", 2).andThen(GradientCorruption.scale("b1", 4));
    DirectionalCheckReport bug = check.directional(10, Rng.of(4), CheckOptions.defaults().withCorruption(lab));
    assertEquals(Verdict.BUG, bug.verdict(), bug.text());
    assertArrayEquals(ok.numerical(), bug.numerical());
    assertNotEquals(ok.analytic()[0], bug.analytic()[0]);
  }

  @Test
  void directionalSlopeIsTheDotProductOfGradientAndDirection() {
    // J = Σ θ ⊙ c over a 1×3 θ: g = c, so g·d over any unit d has |g·d| ≤ ‖c‖
    Variable theta = Variable.parameter("theta", Matrix.of(Precision.F64, 1, 3, 1, 2, 3));
    Variable c = Variable.constant("c", Matrix.of(Precision.F64, 1, 3, 3, 0, 4));
    Tape tape = new Tape();
    Variable j = tape.record(new Reduce(Reduce.Kind.SUM, tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, theta, c))));
    DirectionalCheckReport r = GradientCheck.of(tape, j, List.of(theta)).directional(3, Rng.of(9), CheckOptions.defaults());
    for (int k = 0; k < 3; k++) {
      assertTrue(Math.abs(r.analytic()[k]) <= 5 + 1e-12);
      // J ≈ 15, so rounding alone gives ≈ 1e-16·15/2ε ≈ 1e-8
      assertEquals(r.analytic()[k], r.numerical()[k], 1e-7);
    }
  }

  @Test
  void theLargerNetworkIsOk() {
    GradientCheckReport report = largerCheck().run();
    assertEquals(2611, report.entries());
    assertEquals(Verdict.OK, report.verdict(), report.text());
  }

  /** Workers share the entries out; each entry gets the same two evaluations, so the same bits. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void workerThreadsGiveTheNumbersOfOneThread(int workers) {
    GradientCheck one = largerCheck();
    one.numericalGradient(1e-7, 1);
    GradientCheck many = largerCheck();
    many.numericalGradient(1e-7, workers);
    assertTrue(one.numerical().length == 6 && one.numerical()[0].length == 1000, "W1 20×50");
    for (int p = 0; p < 6; p++) {
      assertArrayEquals(one.numerical()[p], many.numerical()[p], 0.0, "parameter " + p);
    }
    assertTrue(one.numerical()[5][0] != 0, "b3's entry is filled in");
  }

  private static GradientCheck largerCheck() {
    Rng rng = Rng.of(1);
    Network net = Network.builder(20, Precision.F64, rng).dense(50, Init.he()).activation(Activation.TANH)
        .dense(30, Init.he()).activation(Activation.RELU).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY)
        .costTerm(new L2Penalty(0.3)).build();
    Matrix x = Matrix.zeros(Precision.F64, 32, 20);
    Matrix y = Matrix.zeros(Precision.F64, 32, 1);
    Rng data = Rng.of(2);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, data.nextGaussian());
    }
    for (int k = 0; k < 32; k++) {
      y.setFlat(k, data.nextInt(2));
    }
    return GradientCheck.of(net, x, y);
  }

  @Test
  void numericalGradientAllocatesNothingAfterWarmUp() {
    GradientCheck check = check(GoldenNet.build(Precision.F64, null, new L2Penalty(0.7)));
    check.numericalGradient(1e-7);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    assertTrue(threads.getCurrentThreadAllocatedBytes() > 0, "this JVM does not measure allocation");
    // the least of several runs: the JIT's own transitions (OSR, deoptimization) may allocate a
    // few hundred bytes in one run; one boxed double per evaluation would cost > 1 KB in every run
    long least = Long.MAX_VALUE;
    for (int run = 0; run < 8; run++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      check.numericalGradient(1e-7);
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(least < 256, least + " bytes allocated by 94 evaluations of J");
  }

  // ---- bad inputs ----

  static String message(org.junit.jupiter.api.function.Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1e-7, 1, Double.NaN})
  void badEpsilonIsRejected(double eps) {
    assertEquals("epsilon = " + eps + ": must be in (0, 1); the course uses 1e-7",
        message(() -> CheckOptions.defaults().withEpsilon(eps)));
  }

  @Test
  void badOptionsAndDirectionsAreRejected() {
    assertEquals("corruption is null; use GradientCorruption.none() for correct gradients",
        message(() -> CheckOptions.defaults().withCorruption(null)));
    GradientCheck check = check(GoldenNet.build(Precision.F64, null));
    assertEquals("directions = 0: must be at least 1 (10 is plenty to catch a bug)",
        message(() -> check.directional(0, Rng.of(1), CheckOptions.defaults())));
    assertEquals("gradient corruption names parameter 'W9', which is not checked; the parameters are W1, b1, W2, b2, W3, b3",
        message(() -> check.run(CheckOptions.defaults().withCorruption(GradientCorruption.scale("W9", 2)))));
  }

  @Test
  void badDataIsRejected() {
    Network net = GoldenNet.build(Precision.F64, null);
    Matrix x = GoldenNet.x();
    Matrix y = GoldenNet.y();
    assertEquals("gradient check: features have 7 rows but targets have 6; give one target row per example",
        message(() -> GradientCheck.of(net, x, Matrix.zeros(Precision.F64, 6, 1))));
    assertEquals("gradient check: no examples; give at least one row (a few dozen are enough)",
        message(() -> GradientCheck.of(net, Matrix.zeros(Precision.F64, 0, 4), Matrix.zeros(Precision.F64, 0, 1))));
    assertEquals("gradient check: features have 3 columns but the network takes 4 inputs",
        message(() -> GradientCheck.of(net, Matrix.zeros(Precision.F64, 7, 3), y)));
    assertEquals("gradient check: targets have 2 columns but the network has 1 output",
        message(() -> GradientCheck.of(net, x, Matrix.zeros(Precision.F64, 7, 2))));
  }

  @Test
  void badTapesAreRejected() {
    Variable theta = Variable.parameter("theta", Matrix.of(Precision.F64, 1, 2, 1, 2));
    Variable unused = Variable.parameter("unused", Matrix.scalar(Precision.F64, 1));
    Variable c = Variable.constant("c", Matrix.scalar(Precision.F64, 3));
    Tape tape = new Tape();
    Variable prod = tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, theta, c));
    Variable j = tape.record(new Reduce(Reduce.Kind.SUM, prod));
    assertEquals("cost 'multiply' is 1×2: must be 1×1; reduce it with a sum or mean op",
        message(() -> GradientCheck.of(tape, prod, List.of(theta))));
    assertEquals("cost 'sum' is not the output of an op on this tape; record the cost on the tape you check",
        message(() -> GradientCheck.of(new Tape(), j, List.of(theta))));
    assertEquals("parameter 'unused' is not used by any op up to the cost; check only parameters the cost depends on",
        message(() -> GradientCheck.of(tape, j, List.of(theta, unused))));
    assertEquals("parameter 'theta' is listed twice; list each parameter once",
        message(() -> GradientCheck.of(tape, j, List.of(theta, theta))));
    assertEquals("'c' is a constant, not a parameter; only parameters are checked",
        message(() -> GradientCheck.of(tape, j, List.of(c))));
    assertEquals("no parameters to check; pass the parameters the cost depends on",
        message(() -> GradientCheck.of(tape, j, List.of())));
    Variable theta32 = Variable.parameter("theta32", Matrix.of(Precision.F32, 1, 1, 1));
    Tape tape32 = new Tape();
    Variable j32 = tape32.record(new Reduce(Reduce.Kind.SUM, theta32));
    assertEquals("parameter 'theta32' is F32: gradient checks need F64 (ε = 1e-7 drowns in float32 rounding);"
        + " convert with network.to(Precision.F64)", message(() -> GradientCheck.of(tape32, j32, List.of(theta32))));
    Variable constant = Variable.constant("k", Matrix.scalar(Precision.F64, 1));
    Tape flat = new Tape();
    Variable noGrad = flat.record(new Reduce(Reduce.Kind.SUM, constant));
    assertEquals("cost 'sum' depends on no parameter; nothing to check",
        message(() -> GradientCheck.of(flat, noGrad, List.of(theta))));
  }
}
