package dev.descent.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyTest {

  @Test
  void l2IsLambdaOverTwoMTimesSquaredFrobeniusNorms() {
    Variable w1 = Variable.parameter("W1", Matrix.of(Precision.F64, 1, 2, 3, -4));
    Variable w2 = Variable.parameter("W2", Matrix.of(Precision.F64, 1, 1, 2));
    Tape tape = new Tape();
    Variable c = new L2Penalty(0.5).apply(tape, List.of(w1, w2), 5);
    assertEquals(0.5 / 10 * (9 + 16 + 4), c.scalar(), 1e-15);
    tape.backward(c);
    assertEquals(Matrix.of(Precision.F64, 1, 2, 0.1 * 3, 0.1 * -4), w1.grad());
    assertEquals(Matrix.of(Precision.F64, 1, 1, 0.1 * 2), w2.grad());
  }

  @Test
  void l1IsLambdaOverTwoMTimesAbsoluteSumsWithSignOfZeroZero() {
    Variable w = Variable.parameter("W1", Matrix.of(Precision.F64, 1, 3, 3, -4, 0));
    Tape tape = new Tape();
    Variable c = new L1Penalty(0.2).apply(tape, List.of(w), 2);
    assertEquals(0.05 * 7, c.scalar(), 1e-15);
    tape.backward(c);
    assertEquals(Matrix.of(Precision.F64, 1, 3, 0.05, -0.05, 0), w.grad());
  }

  @Test
  void describeNamesTheTermAndLambda() {
    assertEquals("l2(lambda=0.7)", new L2Penalty(0.7).describe());
    assertEquals("l1(lambda=0.1)", new L1Penalty(0.1).describe());
  }

  @Test
  void negativeOrNonFiniteLambdaIsRejected() {
    String tail = ": must be a finite number ≥ 0 (0 turns the penalty off); the course uses values such as 0.7";
    assertEquals("L2 lambda = -0.1" + tail, assertThrows(IllegalArgumentException.class, () -> new L2Penalty(-0.1)).getMessage());
    assertEquals("L2 lambda = NaN" + tail, assertThrows(IllegalArgumentException.class, () -> new L2Penalty(Double.NaN)).getMessage());
    assertEquals("L1 lambda = Infinity" + tail,
        assertThrows(IllegalArgumentException.class, () -> new L1Penalty(Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("L1 lambda = -2.0" + tail, assertThrows(IllegalArgumentException.class, () -> new L1Penalty(-2)).getMessage());
  }

  @Test
  void aPenaltyNeedsWeights() {
    assertEquals("weight penalty: no weight matrices given; a network has at least one dense layer",
        assertThrows(IllegalArgumentException.class,
            () -> new WeightPenalty(WeightPenalty.Norm.SQUARED, 1, List.of())).getMessage());
  }
}
