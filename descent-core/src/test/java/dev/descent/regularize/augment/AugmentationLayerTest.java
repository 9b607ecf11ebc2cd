package dev.descent.regularize.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.check.GradientCheck;
import dev.descent.check.GradientCheckReport;
import dev.descent.check.Verdict;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.nn.Plan;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class AugmentationLayerTest {

  static Matrix x() {
    Rng rng = Rng.of(5);
    Matrix x = Matrix.zeros(Precision.F64, 6, 3);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian());
    }
    return x;
  }

  static Matrix y() {
    return Matrix.of(Precision.F64, 6, 1, 1, 0, 1, 1, 0, 0);
  }

  /** [3,4,1] with the same weights whatever comes before the first dense layer. */
  static Network net(Layer first) {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(2));
    if (first != null) {
      b.layer(first);
    }
    return b.dense(4, Init.he()).activation(Activation.TANH).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  static double trainCost(Network net, Matrix x) {
    Plan plan = net.plan(x.rows(), Mode.TRAIN);
    plan.load(x, y(), null, 0);
    return plan.forward();
  }

  static double inferCost(Network net, Matrix x) {
    Plan plan = net.plan(x.rows(), Mode.INFER);
    plan.load(x, y(), null, 0);
    return plan.forward();
  }

  @Test
  void trainingSeesTheAugmentedFeaturesAndInferenceTheOriginals() {
    Augmentation plusOne = (features, rng) -> {
      for (int k = 0; k < features.size(); k++) {
        features.setFlat(k, features.getFlat(k) + 1);
      }
    };
    Network augmented = net(new AugmentationLayer(plusOne, "plus one"));
    Network plain = net(null);
    Matrix shifted = x().copy();
    plusOne.apply(shifted, null);
    assertEquals(trainCost(plain, shifted), trainCost(augmented, x()));
    assertEquals(inferCost(plain, x()), inferCost(augmented, x()));
    // the placeholder itself is untouched: the next step starts from the original batch again
    assertEquals(trainCost(plain, shifted), trainCost(augmented, x()));
  }

  @Test
  void everyForwardPassDrawsFreshNoise() {
    Network net = net(new AugmentationLayer(new GaussianNoise(0.5), "noise:0.5"));
    Plan plan = net.plan(6, Mode.TRAIN);
    plan.load(x(), y(), null, 0);
    double first = plan.forward();
    double second = plan.forward();
    assertNotEquals(first, second);
    assertNotEquals(inferCost(net, x()), first);
  }

  @Test
  void gradientCheckSwitchesItOff() {
    Network net = net(new AugmentationLayer(new GaussianNoise(0.5), "noise:0.5"));
    GradientCheckReport report = GradientCheck.of(net, x(), y()).run();
    assertEquals(Verdict.OK, report.verdict(), report.text());
    assertTrue(report.difference() < 1e-7);
  }

  @Test
  void mustComeBeforeAnyParameter() {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(2)).dense(4, Init.he());
    b.layer(new AugmentationLayer(new GaussianNoise(0.1), "noise:0.1")).dense(1, Init.he());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.build().plan(2, Mode.TRAIN));
    assertEquals("augmentation must be the first layer, on the input features; 'Z' depends on parameters", e.getMessage());
  }
}
