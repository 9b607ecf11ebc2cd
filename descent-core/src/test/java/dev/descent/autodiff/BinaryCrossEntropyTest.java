package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float32 cost, whose logs are taken of products, against float64's log per element. */
class BinaryCrossEntropyTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 1, 8, 40})
  void float32CostIsTheFloat64CostRounded(double spread) {
    int n = 5 * BinaryCrossEntropy.LOG_OF_PRODUCT + 17;
    Rng rng = Rng.of(7);
    double[] z = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      // logits the float32 matrix holds exactly; labels mostly on the logit's side, as in training
      z[k] = (float) (spread * rng.nextGaussian());
      y[k] = rng.nextDouble() < 0.8 ? (z[k] > 0 ? 1 : 0) : rng.nextInt(2);
    }
    z[3] = 0;
    double f32 = cost(Precision.F32, z, y);
    double f64 = cost(Precision.F64, z, y);
    assertTrue(f64 > 0);
    // the float32 result is the float64 one rounded to float, or its neighbour when the sum's
    // 1e-14 lands on a rounding boundary
    assertEquals((float) f64, f32, Math.ulp((float) f64), "spread " + spread);
  }

  private static double cost(Precision precision, double[] z, double[] y) {
    Variable logits = Variable.placeholder("Z", Matrix.of(precision, z.length, 1, z));
    Variable labels = Variable.placeholder("Y", Matrix.of(precision, y.length, 1, y));
    logits.markFed();
    labels.markFed();
    BinaryCrossEntropy op = new BinaryCrossEntropy(logits, labels);
    op.forward();
    return op.output().value().getFlat(0);
  }
}
