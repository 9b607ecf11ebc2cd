package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.autodiff.Expr;
import dev.descent.autodiff.Graph;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in a user's own cost ({@code Graph}) as the command line reports them: one line with
 * the library's message and the exit code of its kind. No command takes a user's expression, so
 * these go through {@link Main}'s mapping directly; {@code experiment autodiff --data} covers a
 * placeholder fed the wrong shape through {@code Main.run} (see AutodiffExperimentTest).
 */
class GraphErrorsTest {

  @Test
  void anUnfedPlaceholderIsARuntimeErrorNamingIt() {
    Graph g = new Graph();
    Expr w = g.variable("w", 0.0);
    Expr x = g.placeholder("x", 3, 1);
    Expr cost = x.at(0, 0).mul(w.pow(2)).add(x.at(2, 0));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.run(cost));
    assertEquals(Main.RUNTIME_ERROR, Main.exitCode(e));
    assertEquals("placeholder 'x' was not fed; call feed(\"x\", value) before running", Main.message(e));
  }

  @Test
  void operandsThatDoNotBroadcastNameTheOperationAndBothShapes() {
    Graph g = new Graph();
    Expr a = g.placeholder("a", 3, 1);
    Expr b = g.placeholder("b", 1, 2);
    Expr c = g.placeholder("c", 2, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.mul(c));
    assertEquals(Main.USAGE_ERROR, Main.exitCode(e));
    assertEquals("multiply: shapes 3×1 and 2×1 do not broadcast (each dimension must match or be 1)", Main.message(e));
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> a.matmul(c));
    assertEquals("matmul: a is 3×1 and c is 2×1; the columns of the first must equal the rows of the second", Main.message(m));
    assertEquals(3, a.matmul(b).value().rows(), "3×1 · 1×2 is fine");
  }

  @Test
  void feedingTheWrongShapeShowsBoth() {
    Graph g = new Graph();
    g.placeholder("x", 3, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.feed("x", Matrix.of(Precision.F64, 1, 3, 1, -10, 25)));
    assertEquals(Main.USAGE_ERROR, Main.exitCode(e));
    assertEquals("placeholder 'x' is 3×1 but was fed 1×3", Main.message(e));
  }
}
