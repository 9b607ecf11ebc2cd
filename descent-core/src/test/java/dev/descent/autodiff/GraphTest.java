package dev.descent.autodiff;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optim.GradientTransform;
import dev.descent.optim.Minimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.Trajectory;
import dev.descent.optim.Transforms;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTest {
  static GradientTransform gd(double lr) {
    return Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(lr)));
  }

  /** w_t = 5 − 5·(1 − 2·lr)^t for gradient descent on (w − 5)² from w = 0. */
  static double closedForm(int t) {
    return 5 - 5 * Math.pow(0.98, t);
  }

  @Test
  void gradientDescentOnAParabolaFollowsTheClosedForm() {
    Graph g = new Graph();
    Expr w = g.variable("w", 0.0);
    Expr cost = w.pow(2).sub(w.mul(10)).add(25);
    Trajectory path = Minimizer.minimize(g, cost, gd(0.01), 1000, 100);
    assertEquals(11, path.points().size());
    for (Trajectory.Point p : path.points()) {
      double expected = closedForm(p.step());
      assertClose(expected, p.scalar("w"), 1e-12, "w at step " + p.step());
      assertClose((expected - 5) * (expected - 5), p.cost(), 1e-12, "cost at step " + p.step());
    }
    assertEquals(1000, path.last().step());
    assertClose(4.9999999915852, path.last().scalar("w"), 1e-12, "w after 1000 steps");
    assertEquals(path.last().scalar("w"), w.scalar());
  }

  @Test
  void coefficientsFedAsDataGiveTheIdenticalPath() {
    Graph direct = new Graph();
    Expr w1 = direct.variable("w", 0.0);
    Trajectory expected = Minimizer.minimize(direct, w1.pow(2).sub(w1.mul(10)).add(25), gd(0.01), 1000);

    Graph fed = new Graph();
    Expr w = fed.variable("w", 0.0);
    Expr x = fed.placeholder("x", 3, 1);
    Expr cost = x.at(0, 0).mul(w.pow(2)).add(x.at(1, 0).mul(w)).add(x.at(2, 0));
    fed.feed("x", Matrix.of(Precision.F64, 3, 1, 1, -10, 25));
    Trajectory actual = Minimizer.minimize(fed, cost, gd(0.01), 1000);

    assertEquals(1001, actual.points().size());
    for (int t = 0; t <= 1000; t++) {
      assertEquals(expected.points().get(t).scalar("w"), actual.points().get(t).scalar("w"), "w at step " + t);
      assertEquals(expected.points().get(t).cost(), actual.points().get(t).cost(), "cost at step " + t);
    }
  }

  @Test
  void float32GraphAgreesWithFloat64ToFloat32Precision() {
    Graph g = new Graph(Precision.F32);
    Expr w = g.variable("w", 0.0);
    Trajectory path = Minimizer.minimize(g, w.pow(2).sub(w.mul(10)).add(25), gd(0.01), 1000, 100);
    assertEquals(Precision.F32, w.value().precision());
    assertClose(closedForm(100), path.points().get(1).scalar("w"), 1e-6, "f32 w at step 100");
    // NOTE: near 5 a float32 step 0.02·|w − 5| falls under half an ulp (2.4e-7) once |w − 5| < 1.2e-5: w stalls there
    double last = path.last().scalar("w");
    assertTrue(Math.abs(last - 5) < 2e-5 && Math.abs(last - 5) > 1e-6, "f32 w after 1000 steps: " + last);
  }

  @Test
  void anUnfedPlaceholderIsNamedWithTheFix() {
    Graph g = new Graph();
    Expr w = g.variable("w", 0.0);
    Expr x = g.placeholder("x", 3, 1);
    Expr cost = x.at(0, 0).mul(w);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Minimizer.minimize(g, cost, gd(0.1), 1));
    assertEquals("placeholder 'x' was not fed; call feed(\"x\", value) before running", e.getMessage());
    IllegalStateException run = assertThrows(IllegalStateException.class, () -> g.run(cost));
    assertEquals("placeholder 'x' was not fed; call feed(\"x\", value) before running", run.getMessage());
  }

  @Test
  void anUnfedPlaceholderThatTheCostDoesNotUseIsFine() {
    Graph g = new Graph();
    Expr w = g.variable("w", 3.0);
    g.placeholder("unused", 2, 2);
    assertEquals(9.0, g.run(w.pow(2)).getFlat(0));
  }

  @Test
  void matmulShapeMismatchShowsBothShapes() {
    Graph g = new Graph();
    Expr w = g.variable("w", Matrix.zeros(Precision.F64, 3, 1));
    Expr x = g.placeholder("x", 3, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.matmul(x));
    assertEquals("matmul: w is 3×1 and x is 3×1; the columns of the first must equal the rows of the second", e.getMessage());
  }

  @Test
  void elementwiseShapeMismatchShowsBothShapes() {
    Graph g = new Graph();
    Expr a = g.variable("a", Matrix.zeros(Precision.F64, 3, 2));
    Expr b = g.variable("b", Matrix.zeros(Precision.F64, 2, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertEquals("add: shapes 3×2 and 2×2 do not broadcast (each dimension must match or be 1)", e.getMessage());
  }

  @Test
  void feedChecksTheNameAndTheShape() {
    Graph g = new Graph();
    g.variable("w", 0.0);
    g.placeholder("x", 3, 1);
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> g.feed("y", Matrix.zeros(Precision.F64, 3, 1)));
    assertEquals("no placeholder 'y' in this graph; placeholders: [x]", unknown.getMessage());
    IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
        () -> g.feed("w", Matrix.zeros(Precision.F64, 1, 1)));
    assertEquals("no placeholder 'w' in this graph ('w' is a variable); placeholders: [x]", variable.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> g.feed("x", Matrix.zeros(Precision.F64, 1, 3)));
    assertEquals("placeholder 'x' is 3×1 but was fed 1×3", shape.getMessage());
  }

  @Test
  void namesMustBeUnique() {
    Graph g = new Graph();
    g.variable("w", 0.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.placeholder("w", 1, 1));
    assertEquals("'w' already exists in this graph; names must be unique", e.getMessage());
  }

  @Test
  void minimizeNeedsAScalarCostThatDependsOnAVariable() {
    Graph g = new Graph();
    Expr w = g.variable("w", Matrix.zeros(Precision.F64, 2, 1));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Minimizer.minimize(g, w.pow(2), gd(0.1), 5));
    assertEquals("minimize: the cost 'pow' is 2×1; it must be 1×1 (reduce it with sum() or mean())", shape.getMessage());
    Expr c = g.constant(2.0).mul(3);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Minimizer.minimize(g, c, gd(0.1), 5));
    assertEquals("minimize: 'multiply' depends on no variable; nothing to minimize", none.getMessage());
    IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
        () -> Minimizer.minimize(g, w.pow(2).sum(), gd(0.1), -1));
    assertEquals("minimize: steps = -1: must not be negative", steps.getMessage());
  }

  @Test
  void minimizeOnlyMovesTheVariablesOfTheCost() {
    Graph g = new Graph();
    Expr w = g.variable("w", 1.0);
    Expr v = g.variable("v", 1.0);
    v.pow(2);   // another expression on the same tape
    Trajectory path = Minimizer.minimize(g, w.pow(2), gd(0.25), 2);
    assertEquals(List.of("w"), List.copyOf(path.last().values().keySet()));
    assertEquals(0.25, path.last().scalar("w"));   // w ← w − 0.25·2w = w/2, twice
    assertEquals(1.0, v.scalar());
  }

  /** What Minimizer steps with: the variables of a cost, forward for its value, backward for their gradients. */
  @Test
  void forwardAndBackwardByHandGiveTheCostAndItsGradients() {
    Graph g = new Graph();
    Expr w = g.variable("w", 3.0);
    Expr v = g.variable("v", 2.0);
    Expr x = g.placeholder("x", 1, 1);
    Expr cost = w.pow(2).mul(x).add(v);                    // x·w² + v
    IllegalStateException unfed = assertThrows(IllegalStateException.class, () -> g.variables(cost));
    assertEquals("placeholder 'x' was not fed; call feed(\"x\", value) before running", unfed.getMessage());
    g.feed("x", Matrix.scalar(Precision.F64, 0.5));
    assertEquals(List.of("w", "v"), g.variables(cost).stream().map(Variable::name).toList());
    assertEquals(0.5 * 9 + 2, g.forward(cost));
    g.backward(cost);
    assertEquals(3.0, w.grad().getFlat(0));                 // d/dw = 2·x·w
    assertEquals(1.0, v.grad().getFlat(0));
    assertEquals(List.of(), g.variables(x.mul(2)), "a cost of no variable has none");
  }

  @Test
  void expressionsFromTwoGraphsDoNotMix() {
    Graph g = new Graph();
    Graph h = new Graph();
    Expr w = g.variable("w", 1.0);
    Expr u = h.variable("u", 1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.add(u));
    assertEquals("add: 'u' belongs to another graph than 'w'; build an expression from one graph only", e.getMessage());
  }

  @Test
  void differentiateFillsTheGradient() {
    Graph g = new Graph();
    Expr w = g.variable("w", 3.0);
    assertEquals(4.0, g.differentiate(w.pow(2).sub(w.mul(10)).add(25)));
    assertEquals(-4.0, w.grad().getFlat(0));   // 2w − 10
    assertTrue(w.grad() != null);
  }
}
