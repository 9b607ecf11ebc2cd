package dev.descent.optim;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EwaTest {
  static final JsonNode G = Golden.load("ewa.json");
  static final double[] THETA = Golden.doubles(G.get("theta"));

  @Test
  void matchesGoldenPlainAndBiasCorrected() {
    List<String> betas = new ArrayList<>();
    G.get("betas").fieldNames().forEachRemaining(betas::add);
    assertFalse(betas.isEmpty(), "ewa.json has no betas");
    for (String beta : betas) {
      JsonNode expected = G.get("betas").get(beta);
      double b = Double.parseDouble(beta);
      double[] plain = Ewa.series(THETA, b, false);
      double[] corrected = Ewa.series(THETA, b, true);
      double[] goldPlain = Golden.doubles(expected.get("plain"));
      double[] goldCorrected = Golden.doubles(expected.get("bias_corrected"));
      assertEquals(THETA.length, plain.length);
      for (int t = 0; t < plain.length; t++) {
        assertClose(goldPlain[t], plain[t], 1e-12, "beta " + beta + " day " + (t + 1));
        assertClose(goldCorrected[t], corrected[t], 1e-12, "beta " + beta + " corrected day " + (t + 1));
      }
    }
  }

  @Test
  void tensorUpdateIsTheScalarAverageElementWise() {
    for (Precision p : Precision.values()) {
      Matrix v = Matrix.zeros(p, 2, 3);
      Matrix theta = Matrix.zeros(p, 2, 3);
      Matrix squares = Matrix.zeros(p, 2, 3);
      double[][] expected = new double[6][];
      double[][] expectedSquares = new double[6][];
      for (int k = 0; k < 6; k++) {
        double[] shifted = new double[THETA.length];
        double[] squared = new double[THETA.length];
        for (int t = 0; t < THETA.length; t++) {
          shifted[t] = THETA[t] - 3 * k;
          squared[t] = shifted[t] * shifted[t];
        }
        expected[k] = Ewa.series(shifted, 0.9, false);
        expectedSquares[k] = Ewa.series(squared, 0.9, false);
      }
      double tolerance = p == Precision.F64 ? 1e-12 : 1e-5;
      for (int t = 0; t < THETA.length; t++) {
        for (int k = 0; k < 6; k++) {
          theta.setFlat(k, THETA[t] - 3 * k);
        }
        Ewa.update(v, theta, 0.9);
        Ewa.updateSquares(squares, theta, 0.9);
        for (int k = 0; k < 6; k++) {
          assertClose(expected[k][t], v.getFlat(k), tolerance, p + " v[" + k + "] day " + (t + 1));
          assertClose(expectedSquares[k][t], squares.getFlat(k), tolerance, p + " s[" + k + "] day " + (t + 1));
        }
      }
    }
  }

  @Test
  void averagesOverAboutOneOverOneMinusBetaDays() {
    assertEquals(10, Ewa.horizon(0.9), 1e-12);
    assertEquals(50, Ewa.horizon(0.98), 1e-9);
    for (double beta : new double[] {0.9, 0.98, 0.999}) {
      // a value 1/(1−β) days old weighs about 1/e of today's: β^(1/(1−β)) ≈ 1/e
      int days = (int) Math.round(Ewa.horizon(beta));
      assertEquals(1 / Math.E, Math.pow(beta, days), 0.02, "beta " + beta);
      // so an average started at 0 has covered about 1 − 1/e of a step to 1 after that many days
      Ewa ewa = new Ewa(beta, false);
      double v = 0;
      for (int t = 0; t < days; t++) {
        v = ewa.add(1);
      }
      assertEquals(1 - 1 / Math.E, v, 0.02, "beta " + beta);
    }
  }

  @Test
  void biasCorrectedAverageOfAConstantIsThatConstant() {
    Ewa ewa = new Ewa(0.98, true);
    for (int t = 1; t <= 100; t++) {
      assertEquals(7.5, ewa.add(7.5), 1e-12, "day " + t);
    }
    assertEquals(7.5 * (1 - 0.98), new Ewa(0.98, false).add(7.5), 1e-15);
  }

  @Test
  void rejectsBetaOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ewa(1, false));
    assertEquals("beta = 1.0: must be in [0, 1)", e.getMessage());
  }
}
