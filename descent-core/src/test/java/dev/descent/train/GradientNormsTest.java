package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.nn.Plan;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.GoldenNet;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientNormsTest {

  static Network steppedGolden() {
    Network net = GoldenNet.build(Precision.F64, new dev.descent.nn.Layer[] {Dropout.keep(1), null});
    Plan plan = net.plan(7, Mode.TRAIN);
    plan.load(GoldenNet.x(), GoldenNet.y(), null, 0);
    plan.step();
    return net;
  }

  static double norm(JsonNode... nodes) {
    double s = 0;
    for (JsonNode n : nodes) {
      s += Golden.matrix(n, Precision.F64).squaredNorm();
    }
    return Math.sqrt(s);
  }

  @Test
  void normsMatchTheGoldenGradients() {
    GradientNorms norms = GradientNorms.of(steppedGolden());
    JsonNode g = GoldenNet.G.get("grads");
    JsonNode p = GoldenNet.G.get("params");
    assertEquals(3, norms.layers().size());
    for (int l = 1; l <= 3; l++) {
      GradientNorms.LayerNorms layer = norms.layers().get(l - 1);
      assertEquals(l, layer.index());
      assertEquals(List.of("W" + l, "b" + l), layer.parameters());
      assertEquals(norm(g.get("dW" + l), g.get("db" + l)), layer.gradientNorm(), 1e-12);
      assertEquals(norm(p.get("W" + l), p.get("b" + l)), layer.weightNorm(), 1e-12);
    }
    assertEquals(norm(g.get("dW1"), g.get("db1")) / norm(g.get("dW3"), g.get("db3")), norms.ratio(), 1e-12);
    assertTrue(norms.healthy(), norms.text());
  }

  @Test
  void aDeepSigmoidNetworkWarnsOfVanishingGradients() {
    NetworkBuilder b = Network.builder(4, Precision.F64, Rng.of(3));
    for (int l = 0; l < 10; l++) {
      b.dense(8, Init.xavier()).activation(Activation.SIGMOID);
    }
    Network net = b.dense(1, Init.xavier()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    Plan plan = net.plan(7, Mode.TRAIN);
    plan.load(GoldenNet.x(), GoldenNet.y(), null, 0);
    plan.step();
    GradientNorms norms = GradientNorms.of(net);
    assertTrue(norms.ratio() < 1e-3, norms.text());
    assertEquals(1, norms.warnings().size(), norms.text());
    assertTrue(norms.warnings().get(0).startsWith(String.format(java.util.Locale.ROOT,
        "vanishing gradients: the first layer's gradient norm over the last's is %.3g (layer 1 (W1, b1): ", norms.ratio())),
        norms.warnings().get(0));
  }

  @Test
  void warningsStateTheRatioAndTheLimit() {
    Network net = steppedGolden();
    Variable w1 = net.parameters().get(0);
    Variable b1 = net.parameters().get(1);
    Variable w3 = net.parameters().get(4);
    Variable b3 = net.parameters().get(5);
    setGradient(w1, 0, 0, 3e-6);
    setGradient(b1, 0, 0, 4e-6);
    setGradient(w3, 0, 0, 0.3);
    setGradient(b3, 0, 0, 0.4);
    assertEquals(List.of("vanishing gradients: the first layer's gradient norm over the last's is 1.00e-05 "
        + "(layer 1 (W1, b1): 5.00e-06, layer 3 (W3, b3): 0.500), below 1e-03; use He initialization, ReLU rather "
        + "than sigmoid or tanh, batch norm, or fewer layers"), GradientNorms.of(net).warnings());
    setGradient(w1, 0, 0, 3e4);
    setGradient(b1, 0, 0, 4e4);
    assertEquals(List.of("exploding gradients: layer 1 (W1, b1) has gradient norm 5.00e+04, above 1e+03; lower the "
        + "learning rate, clip gradients, or scale the initialization (He, Xavier)",
        "exploding gradients: the first layer's gradient norm over the last's is 1.00e+05 (layer 1 (W1, b1): 5.00e+04, "
        + "layer 3 (W3, b3): 0.500), above 1e+03; scale the initialization (He, Xavier), lower the learning rate, or "
        + "clip gradients"), GradientNorms.of(net).warnings());
  }

  @Test
  void zeroGradientsSayNoBackwardWasRun() {
    Network net = GoldenNet.build(Precision.F64, null);
    GradientNorms norms = GradientNorms.of(net);
    assertEquals(List.of("no gradient: every layer's gradient norm is 0; run a backward pass first, or look for dead "
        + "ReLUs or a saturated output"), norms.warnings());
    assertTrue(Double.isNaN(norms.ratio()));
  }

  @Test
  void badLimitsAreRejected() {
    assertEquals("vanishingRatio = 2.0: must be in (0, 1); the default is 1e-3",
        assertThrows(IllegalArgumentException.class, () -> new GradientNorms.Limits(2, 1e3, 1e3)).getMessage());
    assertEquals("explodingRatio = 0.5: must be a finite number > 1; the default is 1e3",
        assertThrows(IllegalArgumentException.class, () -> new GradientNorms.Limits(1e-3, 0.5, 1e3)).getMessage());
    assertEquals("maxGradientNorm = NaN: must be a finite number > 0; the default is 1e3",
        assertThrows(IllegalArgumentException.class, () -> new GradientNorms.Limits(1e-3, 1e3, Double.NaN)).getMessage());
  }

  /** Makes the gradient a single nonzero entry. */
  static void setGradient(Variable v, int i, int j, double value) {
    Matrix g = v.grad();
    g.fill(0);
    g.set(i, j, value);
  }

  @Test
  void aBatchNormsGammaAndBetaBelongToTheLayerBefore() {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(1)).dense(4, Init.xavier(), false);
    b.layer(dev.descent.nn.BatchNorm.after(b)).activation(Activation.TANH).dense(2, Init.xavier(), false);
    b.layer(dev.descent.nn.BatchNorm.after(b)).activation(Activation.TANH).dense(1, Init.xavier());
    Network net = b.loss(Loss.BINARY_CROSS_ENTROPY).build();
    Plan plan = net.plan(5, Mode.TRAIN);
    Matrix x = Matrix.zeros(Precision.F64, 5, 3);
    Matrix y = Matrix.zeros(Precision.F64, 5, 1);
    for (int i = 0; i < 5; i++) {
      x.set(i, 0, i);
      x.set(i, 1, i * i - 3);
      x.set(i, 2, 1 - i);
      y.set(i, 0, i % 2);
    }
    plan.load(x, y, null, 0);
    plan.step();

    GradientNorms norms = GradientNorms.of(net);

    assertEquals(List.of("layer 1 (W1, gamma1, beta1)", "layer 2 (W2, gamma2, beta2)", "layer 3 (W3, b3)"),
        norms.layers().stream().map(GradientNorms.LayerNorms::label).toList());
    List<Variable> p = net.parameters();
    double first = Math.sqrt(p.get(0).grad().squaredNorm() + p.get(1).grad().squaredNorm() + p.get(2).grad().squaredNorm());
    assertEquals(first, norms.layers().get(0).gradientNorm(), 1e-15 * first);
  }
}
