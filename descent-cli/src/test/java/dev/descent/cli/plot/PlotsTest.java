package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class PlotsTest {
  @Test
  void aCostThatJumpsEveryEpochIsNoisyASmoothOneIsNot() {
    Rng rng = Rng.of(1);
    double[] dropout = new double[1000];
    double[] smooth = new double[1000];
    for (int i = 0; i < dropout.length; i++) {
      smooth[i] = 0.7 * Math.exp(-i / 300.0) + 0.05;
      dropout[i] = smooth[i] * Math.exp(0.2 * rng.nextGaussian());   // a different network every epoch
    }
    assertTrue(Plots.noisy(dropout));
    assertFalse(Plots.noisy(smooth));
    assertFalse(Plots.noisy(new double[] {0.7, 0.1, 0.9}), "too short to tell");
  }
}
