package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  private static final int N = 40_000;

  private static double fraction(Distribution d, double from, double to, long seed) {
    Rng rng = Rng.of(seed);
    int inside = 0;
    for (int i = 0; i < N; i++) {
      double x = ((Number) d.sample(rng)).doubleValue();
      if (x >= from && x < to) {
        inside++;
      }
    }
    return (double) inside / N;
  }

  @Test
  void logUniformGivesEachDecadeTheSameShare() {
    Distribution lr = Distribution.parse("log:1e-5:1");
    double low = fraction(lr, 1e-4, 1e-3, 1);
    double high = fraction(lr, 1e-2, 1e-1, 1);
    // 5 decades: 1/5 each; a uniform sampler would give 0.0009 and 0.09
    assertEquals(0.2, low, 0.01);
    assertEquals(0.2, high, 0.01);
  }

  @Test
  void oneMinusLogGivesEachDecadeOfOneMinusBetaTheSameShare() {
    Distribution beta = Distribution.parse("one-minus-log:0.9:0.9999");
    // 1 − β in [1e-4, 1e-1]: 3 decades, so β in [0.9, 0.99) as often as in [0.99, 0.999)
    assertEquals(1.0 / 3, fraction(beta, 0.9, 0.99, 2), 0.01);
    assertEquals(1.0 / 3, fraction(beta, 0.99, 0.999, 2), 0.01);
    assertEquals(1.0 / 3, fraction(beta, 0.999, 0.9999, 2), 0.01);
  }

  @Test
  void uniformIsFlat() {
    Distribution keep = Distribution.parse("uniform:0.5:1");
    assertEquals(0.2, fraction(keep, 0.5, 0.6, 3), 0.01);
    assertEquals(0.2, fraction(keep, 0.9, 1.0, 3), 0.01);
  }

  @Test
  void intIncludesBothEndsEquallyOften() {
    Distribution layers = Distribution.parse("int:1:4");
    Rng rng = Rng.of(4);
    int[] counts = new int[6];
    for (int i = 0; i < N; i++) {
      counts[(Integer) layers.sample(rng)]++;
    }
    assertEquals(0, counts[0]);
    assertEquals(0, counts[5]);
    for (int k = 1; k <= 4; k++) {
      assertEquals(0.25, (double) counts[k] / N, 0.01, "value " + k);
    }
  }

  @Test
  void intLogGivesEachIntegerItsCellOnTheLogScale() {
    Distribution hidden = Distribution.parse("int-log:1:100");
    Rng rng = Rng.of(5);
    int[] counts = new int[101];
    for (int i = 0; i < N; i++) {
      counts[(Integer) hidden.sample(rng)]++;
    }
    // integer k owns [k − ½, k + ½) on a log axis spanning [½, 100½]
    double span = Math.log(100.5 / 0.5);
    assertEquals(Math.log(1.5 / 0.5) / span, (double) counts[1] / N, 0.01);
    assertEquals(Math.log(10.5 / 9.5) / span, (double) counts[10] / N, 0.005);
    assertTrue(counts[100] > 0);
  }

  @Test
  void choiceIsUniformAndTyped() {
    Choice batch = (Choice) Distribution.parse("choice:32,64,128");
    assertEquals(List.of(32, 64, 128), batch.values());
    Choice mixed = (Choice) Distribution.parse("choice:relu, 0.5 ,7,1e-3,10000000000");
    assertEquals(List.of("relu", 0.5, 7, 1e-3, 10_000_000_000L), mixed.values());
    Rng rng = Rng.of(6);
    int[] counts = new int[3];
    for (int i = 0; i < N; i++) {
      counts[batch.indexOf(batch.sample(rng))]++;
    }
    for (int c : counts) {
      assertEquals(1.0 / 3, (double) c / N, 0.01);
    }
  }

  @Test
  void unitCoordinatesAreOnEachParametersOwnScale() {
    Range lr = (Range) Distribution.parse("log:1e-4:1e-1");
    assertEquals(Math.pow(10, -2.5), (Double) lr.fromUnit(0.5), 1e-15);
    assertEquals(0.5, lr.toUnit(Math.pow(10, -2.5)), 1e-12);
    Range beta = (Range) Distribution.parse("one-minus-log:0.9:0.999");
    // the middle of 1 − β in [1e-3, 1e-1] on a log axis is 1e-2
    assertEquals(0.99, (Double) beta.fromUnit(0.5), 1e-12);
    assertEquals(0.5, beta.toUnit(0.99), 1e-12);
    Range layers = (Range) Distribution.parse("int:1:4");
    assertEquals(1, layers.fromUnit(0.0));
    assertEquals(4, layers.fromUnit(1.0));
    assertEquals(0.125, layers.toUnit(1), 1e-15);
  }

  @Test
  void narrowKeepsTheSubRangeOnTheScale() {
    Range lr = (Range) Distribution.parse("log:1e-6:1");
    Range narrowed = lr.narrow(0.5, 0.75);
    assertEquals(1e-3, narrowed.low(), 1e-15);
    assertEquals(Math.pow(10, -1.5), narrowed.high(), 1e-15);
    Range beta = (Range) Distribution.parse("one-minus-log:0.9:0.9999");
    Range b = beta.narrow(1.0 / 3, 2.0 / 3);
    assertEquals(0.99, b.low(), 1e-12);
    assertEquals(0.999, b.high(), 1e-12);
    Range layers = (Range) Distribution.parse("int:1:10");
    assertEquals(new Range(Scale.LINEAR, true, 3, 5), layers.narrow(0.25, 0.5));
    assertEquals(new Range(Scale.LINEAR, true, 10, 10), layers.narrow(0.99, 1.0));
  }

  @Test
  void specsPrintShortAndParseBack() {
    for (String spec : List.of("log:0.0001:0.1", "uniform:0.5:1", "int:1:4", "int-log:16:512", "one-minus-log:0.9:0.999", "choice:relu,tanh,32")) {
      Distribution d = Distribution.parse(spec);
      assertEquals(spec, d.spec());
      assertEquals(d, Distribution.parse(d.spec()));
    }
    assertEquals("log:1e-5:1", Distribution.parse("log:1e-5:1.0").spec());
    assertEquals("log:0.00316228:0.1", new Range(Scale.LOG, false, Math.pow(10, -2.5), 0.1).spec());
    assertEquals("uniform:-2.5e-7:1234567", new Range(Scale.LINEAR, false, -2.5e-7, 1234567).spec());
  }

  @Test
  void containsChecksTypeAndRange() {
    Distribution lr = Distribution.parse("log:1e-4:1e-1");
    assertTrue(lr.contains(0.01));
    assertFalse(lr.contains(0.2));
    assertFalse(lr.contains("0.01"));
    Distribution layers = Distribution.parse("int:1:4");
    assertTrue(layers.contains(4));
    assertFalse(layers.contains(4.0));
    assertFalse(layers.contains(5));
    assertTrue(Distribution.parse("choice:32,64").contains(64));
    assertFalse(Distribution.parse("choice:32,64").contains("64"));
  }
}
