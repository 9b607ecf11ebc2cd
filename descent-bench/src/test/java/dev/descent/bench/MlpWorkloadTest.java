package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class MlpWorkloadTest {

  @Test
  void productFlopsCountForwardWeightAndInputGradients() {
    // forward and dW for 784·512 + 512·256 + 256·10 multiply-adds, dA for the last two layers only
    long macs = 784L * 512 + 512L * 256 + 256L * 10;
    assertEquals(2 * macs + 2 * macs + 2 * (512L * 256 + 256L * 10), MlpWorkload.productFlopsPerExample());
    assertEquals(2_407_424L, MlpWorkload.productFlopsPerExample());
  }

  @Test
  void dataAreSeededOneHotFloat32Rows() {
    MlpWorkload.Data a = MlpWorkload.data(50, Rng.of(42));
    MlpWorkload.Data b = MlpWorkload.data(50, Rng.of(42));
    assertEquals(a.features(), b.features());
    assertEquals(a.targets(), b.targets());
    assertEquals("50×784", a.features().shape());
    assertEquals(50L * (784 + 10) * 4, a.bytes());
    Matrix y = a.targets();
    int[] counts = new int[10];
    for (int i = 0; i < y.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < 10; j++) {
        sum += y.get(i, j);
        counts[j] += (int) y.get(i, j);
      }
      assertEquals(1.0, sum, "row " + i);
    }
    int classes = 0;
    for (int c : counts) {
      classes += c > 0 ? 1 : 0;
    }
    assertTrue(classes >= 5, "a random teacher spreads 50 examples over several classes");
  }
}
