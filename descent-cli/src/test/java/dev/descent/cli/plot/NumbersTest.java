package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void compactLabels() {
    assertEquals("0.003", Numbers.compact(0.003));
    assertEquals("2510", Numbers.compact(2513.7));
    assertEquals("3e-5", Numbers.compact(3e-5));
    assertEquals("1.25e6", Numbers.compact(1.25e6));
    assertEquals("-0.5", Numbers.compact(-0.5));
    assertEquals("0", Numbers.compact(0));
    assertEquals("1", Numbers.compact(1.0000001));
  }

  @Test
  void ticksAreRoundMultiples() {
    assertArrayEquals(new double[] {-2, 0, 2}, Numbers.ticks(-3.9, 3.9, 5), 0);
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Numbers.ticks(0, 1, 5), 1e-15);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3}, Numbers.ticks(0.05, 0.32, 3), 1e-15);
  }

  @Test
  void linearAxisPatternsShowOneDigitBeyondATenthOfTheSpan() {
    assertEquals("#,##0.###", Theme.linearPattern(0, 0.1));
    assertEquals("#,##0.##", Theme.linearPattern(-2.4, 2.4));
    assertEquals("#,##0", Theme.linearPattern(0, 100_000));
    assertEquals("#,##0.####", Theme.linearPattern(0.05, 0.05), "a constant: from its size");
  }
}
