package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void meanStandardDeviationAndRange() {
    Spread s = Spread.of(new double[] {0.80, 0.82, 0.84});
    assertEquals(0.82, s.mean(), 1e-15);
    assertEquals(0.02, s.standardDeviation(), 1e-15);
    assertEquals(0.80, s.min(), 0);
    assertEquals(0.84, s.max(), 0);
    assertEquals(0, Spread.of(new double[] {0.5}).standardDeviation(), 0);
  }

  /** 196/211 = 0.928910… is the course's printed 0.9289: a tie, counted half. */
  @Test
  void theCoursesFigureIsComparedAtItsPrintedDigit() {
    Spread s = Spread.of(new double[] {196 / 211.0, 0.95, 0.90, 0.93});
    assertEquals((1 + 0.5) / 4, s.rankOf(0.9289), 0);
  }

  @Test
  void noSeedsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spread.of(new double[0]));
    assertEquals("a spread needs at least one seed", e.getMessage());
  }
}
