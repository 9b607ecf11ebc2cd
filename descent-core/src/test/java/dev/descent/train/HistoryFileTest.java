package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
  private static String decimal(double v) {
    StringBuilder sb = new StringBuilder();
    HistoryFile.decimal(sb, v);
    return sb.toString();
  }

  @Test
  void numbersHaveNineSignificantDigitsInTheShortestForm() {
    assertEquals("0.693147181", decimal(0.6931471805599453));
    assertEquals("7.0E-4", decimal(0.0007));
    assertEquals("0.001", decimal(0.001));
    assertEquals("12", decimal(12));
    assertEquals("100000000", decimal(1e8));
    assertEquals("1.0E9", decimal(1e9));
    assertEquals("-2.5", decimal(-2.5));
    assertEquals("0", decimal(0));
    assertEquals("0.98", decimal(0.98));
    assertEquals("1.23456789E-7", decimal(1.23456789e-7));
    assertEquals("1.0E-300", decimal(1e-300));
  }

  @Test
  void numbersComeBackWithinFloatPrecision() {
    Rng rng = Rng.of(1);
    for (int i = 0; i < 100_000; i++) {
      double v = Math.exp(40 * (rng.nextDouble() - 0.5)) * (rng.nextDouble() < 0.5 ? -1 : 1);
      double back = Double.parseDouble(decimal(v));
      assertEquals(v, back, Math.abs(v) * 6e-9, decimal(v));
      float f = (float) v;
      assertEquals(f, (float) Double.parseDouble(decimal(f)), decimal(f));
    }
  }
}
