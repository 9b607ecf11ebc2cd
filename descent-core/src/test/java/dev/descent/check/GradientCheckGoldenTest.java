package dev.descent.check;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Arithmetic;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Network;
import dev.descent.regularize.GoldenNet;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GradientCheckGoldenTest {
  static final JsonNode G = Golden.load("gradient_check.json");

  static GradientCheck goldenCheck() {
    Network net = GoldenNet.build(Precision.F64, null);
    return GradientCheck.of(net, GoldenNet.x(), GoldenNet.y());
  }

  @Test
  void numericalGradientMatchesGoldenAsAFiniteDifference() {
    GradientCheckReport report = goldenCheck().run();
    assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), namesInOrder(report));
    double[] expected = Golden.doubles(G.get("numerical_gradient"));
    double[] actual = report.numericalGradient();
    assertEquals(expected.length, actual.length);
    // both are finite differences with rounding noise ≈ 1e-16·J/ε ≈ 1e-9; the fixture says "to about 1e-9"
    assertTrue(ParameterDifference.relativeDifference(expected, actual) < 1e-7,
        "numerical gradients differ by " + ParameterDifference.relativeDifference(expected, actual));
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], actual[k], 1e-6 * Math.max(Math.abs(expected[k]), 1e-2), "numerical[" + k + "]");
    }
  }

  @Test
  void analyticGradientMatchesGoldenTo1e10() {
    double[] expected = Golden.doubles(G.get("analytic_gradient"));
    double[] actual = goldenCheck().run().analyticGradient();
    for (int k = 0; k < expected.length; k++) {
      assertClose(expected[k], actual[k], 1e-10, "analytic[" + k + "]");
    }
  }

  @Test
  void correctGradientsGetAnOkVerdict() {
    GradientCheckReport report = goldenCheck().run();
    assertEquals(Verdict.OK, report.verdict());
    assertEquals(G.get("epsilon").asDouble(), report.epsilon());
    assertEquals(Golden.doubles(G.get("numerical_gradient")).length, report.entries());
    assertFalse(report.dropoutDisabled());
    // float noise, the same order as the fixture's difference
    assertTrue(report.difference() > 1e-10 && report.difference() < 1e-7, "difference " + report.difference());
  }

  @Test
  void differenceFormulaReproducesGoldenDifferences() {
    double[] approx = Golden.doubles(G.get("numerical_gradient"));
    double[] grad = Golden.doubles(G.get("analytic_gradient"));
    assertClose(G.get("difference").asDouble(), ParameterDifference.relativeDifference(grad, approx), 1e-10, "difference");
    double[] buggy = grad.clone();
    // W1 20, b1 5, W2 15: dW2 is entries 25..39, db1 entries 20..24
    for (int k = 20; k < 25; k++) {
      buggy[k] *= 4;
    }
    for (int k = 25; k < 40; k++) {
      buggy[k] *= 2;
    }
    assertClose(G.get("buggy_difference").asDouble(), ParameterDifference.relativeDifference(buggy, approx), 1e-10,
        "buggy difference");
  }

  @Test
  void corruptedGradientsGetABugVerdictNamingB1AndW2First() {
    GradientCheckReport report = goldenCheck().run(CheckOptions.defaults().withCorruption(GradientCorruption.courseLab()));
    assertEquals(Verdict.BUG, report.verdict());
    // our finite differences differ from numpy's by ~1e-9 relative, so the difference agrees to ~1e-8
    assertEquals(G.get("buggy_difference").asDouble(), report.difference(), 1e-8);
    assertEquals(Set.of("b1", "W2"), Set.of(report.ranking().get(0).name(), report.ranking().get(1).name()));
    // b1 ×4 gives 3/5, W2 ×2 gives 1/3 (up to float noise); the others are float noise
    assertEquals("b1", report.ranking().get(0).name());
    assertEquals(0.6, report.ranking().get(0).difference(), 1e-6);
    assertEquals(1.0 / 3, report.ranking().get(1).difference(), 1e-6);
    assertEquals(Verdict.OK, report.ranking().get(2).verdict());
  }

  @Test
  void oneDimensionalCaseMatchesGolden() {
    JsonNode one = G.get("one_dimensional");
    Variable theta = Variable.parameter("theta", Matrix.scalar(Precision.F64, one.get("theta").asDouble()));
    Variable x = Variable.constant("x", Matrix.scalar(Precision.F64, one.get("x").asDouble()));
    Tape tape = new Tape();
    Variable j = tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, theta, x));
    GradientCheckReport report = GradientCheck.of(tape, j, List.of(theta)).run();
    assertClose(one.get("difference").asDouble(), report.difference(), 1e-10, "1-D difference");
    assertEquals(one.get("x").asDouble(), report.analyticGradient()[0]);   // dJ/dθ = x
    assertEquals(Verdict.OK, report.verdict());
    assertEquals(one.get("theta").asDouble(), theta.value().getFlat(0));   // left as it was
  }

  static List<String> namesInOrder(GradientCheckReport report) {
    String[] names = new String[report.ranking().size()];
    for (ParameterDifference p : report.ranking()) {
      names[p.index()] = p.name();
    }
    return List.of(names);
  }
}
