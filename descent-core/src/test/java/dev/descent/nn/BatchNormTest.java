package dev.descent.nn;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.CenteredDifferences;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNormTest {

  /** [3, 4 (no bias) + batch norm, tanh, 2 (bias + batch norm), tanh, 1] with random weights. */
  static Network network(Precision p, long seed, Loss loss, int outputs) {
    NetworkBuilder b = Network.builder(3, p, Rng.of(seed)).dense(4, Init.xavier(), false);
    b.layer(BatchNorm.after(b)).activation(Activation.TANH).dense(2, Init.xavier(), false);
    b.layer(BatchNorm.after(b)).activation(Activation.TANH).dense(outputs, Init.xavier());
    Network net = b.loss(loss).build();
    // γ ≠ 1 and β ≠ 0, so that their gradients matter in the check
    Rng rng = Rng.of(seed).fork("gamma-beta", 0);
    for (Variable v : net.parameters()) {
      if (v.name().startsWith("gamma") || v.name().startsWith("beta")) {
        for (int k = 0; k < v.value().size(); k++) {
          v.value().setFlat(k, (v.name().startsWith("gamma") ? 1 : 0) + 0.5 * rng.nextGaussian());
        }
      }
    }
    return net;
  }

  static Matrix gaussian(int rows, int cols, Rng rng, double scale, double shift) {
    Matrix m = Matrix.zeros(Precision.F64, rows, cols);
    for (int k = 0; k < m.size(); k++) {
      m.setFlat(k, shift + scale * rng.nextGaussian());
    }
    return m;
  }

  static Matrix binaryLabels(int rows, Rng rng) {
    Matrix y = Matrix.zeros(Precision.F64, rows, 1);
    for (int i = 0; i < rows; i++) {
      y.setFlat(i, rng.nextDouble() < 0.5 ? 0 : 1);
    }
    return y;
  }

  static BatchNorm batchNorm(Network net, int index) {
    int seen = 0;
    for (Layer l : net.layers()) {
      if (l instanceof BatchNorm bn && ++seen == index) {
        return bn;
      }
    }
    throw new AssertionError("no batch norm number " + index);
  }

  /** Centered differences (J(θ+ε) − J(θ−ε))/2ε for every element of {@code param}. */
  static Matrix numericGradient(Plan plan, Variable param, double eps) {
    return CenteredDifferences.of(param.value(), plan::forward, eps);
  }

  /** ‖a − b‖/(‖a‖ + ‖b‖), the course's gradient-check difference. */
  static double relativeDifference(Matrix a, Matrix b) {
    double diff = 0;
    for (int k = 0; k < a.size(); k++) {
      diff += (a.getFlat(k) - b.getFlat(k)) * (a.getFlat(k) - b.getFlat(k));
    }
    return Math.sqrt(diff) / (Math.sqrt(a.squaredNorm()) + Math.sqrt(b.squaredNorm()));
  }

  /** The largest relative difference over the parameters between the tape's gradients and centered differences. */
  static double worstRelativeDifference(Plan plan, List<Variable> params, double eps) {
    plan.step();
    List<Matrix> analytic = new ArrayList<>();
    for (Variable v : params) {
      analytic.add(v.grad().copy());
    }
    double worst = 0;
    for (int p = 0; p < params.size(); p++) {
      worst = Math.max(worst, relativeDifference(numericGradient(plan, params.get(p), eps), analytic.get(p)));
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void gradientsMatchCenteredDifferencesWithBinaryCrossEntropy(long seed) {
    Network net = network(Precision.F64, seed, Loss.BINARY_CROSS_ENTROPY, 1);
    Rng rng = Rng.of(seed).fork("data", 0);
    Plan plan = net.plan(7, Mode.TRAIN);
    plan.load(gaussian(7, 3, rng, 2, 1), binaryLabels(7, rng), null, 0);
    double worst = worstRelativeDifference(plan, net.parameters(), 1e-6);
    assertTrue(worst < 1e-7, "worst relative difference " + worst);
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void gradientsMatchCenteredDifferencesWithSoftmaxCrossEntropy(long seed) {
    Network net = network(Precision.F64, seed, Loss.CATEGORICAL_CROSS_ENTROPY, 3);
    Rng rng = Rng.of(seed).fork("data", 0);
    Matrix y = Matrix.zeros(Precision.F64, 5, 3);
    for (int i = 0; i < 5; i++) {
      y.set(i, rng.nextInt(3), 1);
    }
    Plan plan = net.plan(5, Mode.TRAIN);
    plan.load(gaussian(5, 3, rng, 1, -2), y, null, 0);
    double worst = worstRelativeDifference(plan, net.parameters(), 1e-6);
    assertTrue(worst < 1e-7, "worst relative difference " + worst);
  }

  @Test
  void theCheckCatchesADoubledGammaGradient() {
    Network net = network(Precision.F64, 1, Loss.BINARY_CROSS_ENTROPY, 1);
    Rng rng = Rng.of(1).fork("data", 0);
    Plan plan = net.plan(7, Mode.TRAIN);
    plan.load(gaussian(7, 3, rng, 2, 1), binaryLabels(7, rng), null, 0);
    plan.step();
    Variable gamma = batchNorm(net, 1).gamma();
    Matrix doubled = gamma.grad().copy();
    for (int k = 0; k < doubled.size(); k++) {
      doubled.setFlat(k, 2 * doubled.getFlat(k));
    }
    Matrix numeric = numericGradient(plan, gamma, 1e-6);
    assertTrue(relativeDifference(numeric, gamma.grad()) < 1e-7);
    // 2g against g: ‖g‖/(3‖g‖) = 1/3
    assertClose(1.0 / 3, relativeDifference(numeric, doubled), 1e-6, "difference of a doubled gradient");
  }

  @Test
  void parametersAreNamedAfterTheDenseLayerTheyFollow() {
    Network net = network(Precision.F64, 1, Loss.BINARY_CROSS_ENTROPY, 1);
    List<String> names = new ArrayList<>();
    for (Variable v : net.parameters()) {
      names.add(v.name());
    }
    assertEquals(List.of("W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "b3"), names);
    assertEquals(List.of("running_mean2", "running_variance2"), List.copyOf(batchNorm(net, 2).statistics().keySet()));
  }

  @Test
  void newLayerStartsWithUnitScaleZeroShiftAndStandardStatistics() {
    BatchNorm bn = BatchNorm.create(3, 2, Precision.F32);
    assertEquals(Matrix.of(Precision.F32, 1, 2, 1, 1), bn.gamma().value());
    assertEquals(Matrix.of(Precision.F32, 1, 2, 0, 0), bn.beta().value());
    Map<String, Matrix> stats = bn.statistics();
    assertEquals(Matrix.of(Precision.F32, 1, 2, 0, 0), stats.get("running_mean3"));
    assertEquals(Matrix.of(Precision.F32, 1, 2, 1, 1), stats.get("running_variance3"));
    assertEquals(new LayerSpec("batch_norm", Map.of("layer", 3, "units", 2, "running_beta", 0.9, "epsilon", 1e-5)), bn.spec());
  }

  @Test
  void trainingOnABatchOfOneIsRefusedWithTheFix() {
    Network net = network(Precision.F64, 1, Loss.BINARY_CROSS_ENTROPY, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.plan(1, Mode.TRAIN));
    assertEquals("batch norm in layer 1 needs at least 2 examples per training batch to estimate statistics;"
        + " got a batch of 1 (use --batch-size ≥ 2)", e.getMessage());
  }

  @Test
  void theMessageNamesTheDenseLayerOfTheBatchNorm() {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(1)).dense(4, Init.he()).activation(Activation.RELU)
        .dense(2, Init.he(), false);
    b.layer(BatchNorm.after(b)).dense(1, Init.he());
    Network net = b.build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.plan(1, Mode.TRAIN));
    assertEquals("batch norm in layer 2 needs at least 2 examples per training batch to estimate statistics;"
        + " got a batch of 1 (use --batch-size ≥ 2)", e.getMessage());
  }

  @Test
  void predictingOneExampleAtATimeMatchesTheWholeBatch() {
    Network net = network(Precision.F64, 2, Loss.BINARY_CROSS_ENTROPY, 1);
    Rng rng = Rng.of(2).fork("data", 0);
    Matrix x = gaussian(8, 3, rng, 2, 1);
    Plan train = net.plan(8, Mode.TRAIN);
    train.load(x, binaryLabels(8, rng), null, 0);
    train.step();
    train.step();
    Matrix all = net.predict(x);
    for (int i = 0; i < 8; i++) {
      Matrix row = Matrix.zeros(Precision.F64, 1, 3);
      row.copyRow(x, i, 0);
      assertEquals(all.get(i, 0), net.predict(row).get(0, 0), 1e-15, "row " + i);
    }
  }

  @Test
  void inferencePlansBuiltBeforeTrainingSeeTheUpdatedStatistics() {
    Network net = network(Precision.F64, 4, Loss.BINARY_CROSS_ENTROPY, 1);
    Rng rng = Rng.of(4).fork("data", 0);
    Matrix x = gaussian(8, 3, rng, 2, 1);
    Matrix before = net.predict(x);   // caches the inference plan for 8 rows
    Plan train = net.plan(8, Mode.TRAIN);
    train.load(x, binaryLabels(8, rng), null, 0);
    train.forward();
    Matrix after = net.predict(x);
    Matrix fresh = net.to(Precision.F64).predict(x);   // a copy with new plans and the same statistics
    assertClose(fresh, after, 1e-15, "cached plan after a training forward");
    assertTrue(Math.abs(after.get(0, 0) - before.get(0, 0)) > 1e-6, "the running statistics changed the output");
  }

  @Test
  void planningLeavesTheRunningStatisticsAlone() {
    Network net = network(Precision.F64, 3, Loss.BINARY_CROSS_ENTROPY, 1);
    net.plan(5, Mode.TRAIN);
    net.plan(6, Mode.TRAIN);
    BatchNorm bn = batchNorm(net, 1);
    assertEquals(Matrix.of(Precision.F64, 1, 4, 0, 0, 0, 0), bn.statistics().get("running_mean1"));
    assertEquals(Matrix.of(Precision.F64, 1, 4, 1, 1, 1, 1), bn.statistics().get("running_variance1"));
  }

  @Test
  void eachTrainingStepFoldsTheBatchStatisticsOfZIntoTheRunningAverages() {
    Network net = network(Precision.F64, 3, Loss.BINARY_CROSS_ENTROPY, 1);
    Rng rng = Rng.of(3).fork("data", 0);
    Matrix x = gaussian(6, 3, rng, 3, 2);
    Plan plan = net.plan(6, Mode.TRAIN);
    plan.load(x, binaryLabels(6, rng), null, 0);
    Matrix w = net.parameters().get(0).value().copy();   // W1 before the step changes it
    plan.forward();
    plan.forward();
    BatchNorm bn = batchNorm(net, 1);
    for (int j = 0; j < 4; j++) {
      double mean = 0;
      double[] z = new double[6];
      for (int i = 0; i < 6; i++) {
        for (int c = 0; c < 3; c++) {
          z[i] += x.get(i, c) * w.get(j, c);
        }
        mean += z[i] / 6;
      }
      double variance = 0;
      for (int i = 0; i < 6; i++) {
        variance += (z[i] - mean) * (z[i] - mean) / 6;
      }
      // two forwards: r = 0.9(0.9 r0 + 0.1 s) + 0.1 s = 0.81 r0 + 0.19 s
      assertClose(0.19 * mean, bn.statistics().get("running_mean1").getFlat(j), 1e-12, "running mean " + j);
      assertClose(0.81 + 0.19 * variance, bn.statistics().get("running_variance1").getFlat(j), 1e-12, "running variance " + j);
    }
  }

  @Test
  void float32AgreesWithFloat64ToFloat32Precision() {
    Network net64 = network(Precision.F64, 5, Loss.BINARY_CROSS_ENTROPY, 1);
    Network net32 = net64.to(Precision.F32);
    Rng rng = Rng.of(5).fork("data", 0);
    Matrix x = gaussian(9, 3, rng, 1, 0);
    Matrix y = binaryLabels(9, rng);
    Plan p64 = net64.plan(9, Mode.TRAIN);
    Plan p32 = net32.plan(9, Mode.TRAIN);
    p64.load(x, y, null, 0);
    p32.load(x, y, null, 0);
    assertClose(p64.step(), p32.step(), 1e-6, "cost");
    for (int i = 0; i < net64.parameters().size(); i++) {
      Variable v = net64.parameters().get(i);
      assertEquals(Precision.F32, net32.parameters().get(i).value().precision());
      assertClose(v.grad(), net32.parameters().get(i).grad(), 1e-5, "d" + v.name());
    }
    assertClose(batchNorm(net64, 2).statistics().get("running_variance2"),
        batchNorm(net32, 2).statistics().get("running_variance2"), 1e-6, "running_variance2");
  }

  @Test
  void conversionCopiesTheRunningStatistics() {
    BatchNorm bn = BatchNorm.create(1, 2, Precision.F64);
    bn.statistics().get("running_mean1").fill(0.25);
    BatchNorm copy = (BatchNorm) bn.to(Precision.F32);
    assertEquals(Matrix.of(Precision.F32, 1, 2, 0.25, 0.25), copy.statistics().get("running_mean1"));
    bn.statistics().get("running_mean1").fill(7);
    assertEquals(Matrix.of(Precision.F32, 1, 2, 0.25, 0.25), copy.statistics().get("running_mean1"));
  }

  @Test
  void aWidthMismatchIsRefusedAtBuildTime() {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(1)).dense(4, Init.he(), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.layer(BatchNorm.create(1, 5, Precision.F64)));
    assertEquals("batch norm in layer 1: input has 4 features but gamma1 is 1×5 (expects 5)", e.getMessage());
  }

  @Test
  void batchNormBeforeAnyDenseLayerIsRefused() {
    NetworkBuilder b = Network.builder(3, Precision.F64, Rng.of(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchNorm.after(b));
    assertEquals("batch norm needs a dense layer before it; add dense(units, init, false) first", e.getMessage());
  }

  @Test
  void configRejectsRunningBetaOfOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm.Config(1, 1e-5));
    assertEquals("batch norm runningBeta = 1.0: must be in [0, 1)", e.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new BatchNorm.Config(0.9, Double.NaN));
    assertEquals("batch norm epsilon = NaN: must be positive and finite", nan.getMessage());
  }

  @Test
  void pyTorchMomentumIsTheWeightOfTheNewValue() {
    assertEquals(0.9, BatchNorm.Config.fromPyTorchMomentum(0.1, 1e-5).runningBeta(), 1e-15);
    assertEquals(BatchNorm.Config.defaults(), new BatchNorm.Config(0.9, 1e-5));
  }
}
