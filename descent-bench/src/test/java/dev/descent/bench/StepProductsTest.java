package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepProductsTest {

  /** Records each product's shapes, transposes and β, and computes it. */
  private static Gemm recording(List<String> calls) {
    return (a, transposeA, b, transposeB, c, alpha, beta) -> {
      calls.add(a.shape() + (transposeA ? "ᵀ" : "") + " · " + b.shape() + (transposeB ? "ᵀ" : "") + " → "
          + c.shape() + " α " + alpha + " β " + beta);
      Gemm.auto().multiply(a, transposeA, b, transposeB, c, alpha, beta);
    };
  }

  @Test
  void makesTheProductsOfTheTapesTrainingPlan() {
    int[] widths = {5, 4, 3, 2};
    int batch = 6;
    List<String> tape = new ArrayList<>();
    Network net = Network.builder(widths[0], Precision.F32, Rng.of(1)).gemm(recording(tape))
        .dense(widths[1], Init.he()).activation(Activation.RELU)
        .dense(widths[2], Init.he()).activation(Activation.RELU)
        .dense(widths[3], Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    Matrix x = Matrix.zeros(Precision.F32, batch, widths[0]);
    Matrix y = Matrix.zeros(Precision.F32, batch, widths[3]);
    Rng rng = Rng.of(2);
    for (int i = 0; i < batch; i++) {
      y.set(i, i % widths[3], 1);
      for (int j = 0; j < widths[0]; j++) {
        x.set(i, j, rng.nextGaussian());
      }
    }
    Plan step = net.plan(batch, Mode.TRAIN);
    step.load(x, y, null, 0);
    tape.clear();
    step.step();

    List<String> alone = new ArrayList<>();
    StepProducts products = new StepProducts(widths, batch, recording(alone), Rng.of(3));
    products.pass();

    assertEquals(8, tape.size(), tape::toString);
    assertEquals(tape.stream().sorted().toList(), alone.stream().sorted().toList());
    assertEquals(8, products.count());
  }

  @Test
  void countsTheFlopsTheMlpWorkloadReports() {
    StepProducts products = new StepProducts(MlpWorkload.widths(), 32, Gemm.auto(), Rng.of(3));
    assertEquals(MlpWorkload.productFlopsPerExample() * 32, products.flops());
  }

  @Test
  void rejectsANetworkWithoutLayers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StepProducts(new int[] {784}, 32, Gemm.auto(), Rng.of(3)));
    assertTrue(e.getMessage().contains("at least one layer"), e.getMessage());
  }
}
