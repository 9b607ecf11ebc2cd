package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(0.41, Samples.of(0.52, 0.41, 0.39).median());
    assertEquals(2.5, Samples.of(4, 1, 3, 2).median());
    assertEquals(1, Samples.of(4, 1, 3, 2).min());
    assertEquals(4, Samples.of(4, 1, 3, 2).max());
    assertEquals(4, Samples.of(4, 1, 3, 2).count());
  }

  @Test
  void noSamplesIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Samples::of);
    assertEquals("no samples: measure at least once", e.getMessage());
  }
}
