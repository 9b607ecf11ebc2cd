package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class NonPositiveExpTest {

  @Test
  void withinTwoUnitsInTheLastPlaceOfStrictMath() {
    Rng rng = Rng.of(11);
    int differing = 0;
    for (int k = 0; k < 200_000; k++) {
      // small arguments (where 1 + r matters), the sigmoid's range and the whole reduced range
      double x = switch (k % 3) {
        case 0 -> -1e-3 * rng.nextDouble();
        case 1 -> -40 * rng.nextDouble();
        default -> -700 * rng.nextDouble();
      };
      double expected = StrictMath.exp(x);
      double actual = NonPositiveExp.of(x);
      assertEquals(expected, actual, 2 * Math.ulp(expected), "x = " + x);
      differing += expected != actual ? 1 : 0;
      // what float32 training keeps of it
      assertEquals((float) expected, (float) actual, Math.ulp((float) expected), "x = " + x);
    }
    assertTrue(differing > 0, "a polynomial that never differs from StrictMath would be a surprise");
  }

  @Test
  void edgesAnswerAsMathExp() {
    assertEquals(1.0, NonPositiveExp.of(0.0));
    assertEquals(1.0, NonPositiveExp.of(-0.0));
    assertEquals(0.0, NonPositiveExp.of(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(NonPositiveExp.of(Double.NaN)));
    assertEquals(Math.exp(-720), NonPositiveExp.of(-720));
    assertEquals(Math.exp(-1000), NonPositiveExp.of(-1000));
    // every 2^(j/32) step of the table, and the powers of two themselves
    for (int n = 0; n >= -32 * 40; n--) {
      double x = n * Math.log(2) / 32;
      assertEquals(StrictMath.exp(x), NonPositiveExp.of(x), 2 * Math.ulp(StrictMath.exp(x)), "x = " + x);
    }
  }
}
