package dev.descent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.nn.Activation;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.nn.Plan;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.L2Penalty;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dense network's numerical gradient by {@link DenseReplay} against the same check replayed op
 * by op on the tape: equal up to the rounding of J, entry by entry.
 */
class DenseReplayTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("relu [20,50,30,1] BCE, the benchmark's", builder(20).dense(50, Init.he()).activation(Activation.RELU)
            .dense(30, Init.he()).activation(Activation.RELU).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY), 32),
        Arguments.of("tanh, sigmoid [3,8,4,2] MSE", builder(3).dense(8, Init.xavier()).activation(Activation.TANH)
            .dense(4, Init.xavier()).activation(Activation.SIGMOID).dense(2, Init.xavier()).loss(Loss.MEAN_SQUARED_ERROR), 17),
        Arguments.of("leaky-relu [4,6,3] softmax", builder(4).dense(6, Init.he()).activation(Activation.LEAKY_RELU)
            .dense(3, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY), 9),
        Arguments.of("no bias, no activation, tanh on the output [5,12,7,1] MSE", builder(5).dense(12, Init.he(), false)
            .dense(7, Init.he()).dense(1, Init.he()).activation(Activation.TANH).loss(Loss.MEAN_SQUARED_ERROR), 11),
        Arguments.of("one layer [6,1] BCE", builder(6).dense(1, Init.random(0.5)).loss(Loss.BINARY_CROSS_ENTROPY), 1),
        Arguments.of("dropout, off for the check", builder(4).dense(9, Init.he()).activation(Activation.RELU)
            .layer(Dropout.keep(0.7)).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY), 13));
  }

  private static NetworkBuilder builder(int inputs) {
    return Network.builder(inputs, Precision.F64, Rng.of(inputs));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void equalsTheTapeReplayUpToRounding(String name, NetworkBuilder builder, int m) {
    Network net = builder.build();
    Matrix x = data(m, net.inputs(), 1);
    Matrix y = targets(net, m);
    GradientCheck dense = GradientCheck.of(net, x, y);
    assertTrue(dense.usesDenseReplay(), name);
    GradientCheckReport fast = dense.run();
    GradientCheckReport replayed = tapeCheck(net, x, y).run();

    double[] expected = replayed.numericalGradient();
    double[] actual = fast.numericalGradient();
    assertEquals(expected.length, actual.length);
    int differing = 0;
    for (int k = 0; k < expected.length; k++) {
      // J is about 1, so its rounding moves (J+ − J−)/2ε by some 1e-16/2e-7 = 5e-10
      assertEquals(expected[k], actual[k], 1e-8 + 1e-7 * Math.abs(expected[k]), name + ": entry " + k);
      differing += expected[k] != actual[k] ? 1 : 0;
    }
    assertArrayEquals(replayed.analyticGradient(), fast.analyticGradient(), 0.0);
    assertEquals(replayed.verdict(), fast.verdict());
    assertEquals(Verdict.OK, fast.verdict(), fast.text());
    assertTrue(fast.numericalGradient().length < 40 || differing > 0, "a large check on another path differs somewhere in the last bits");
  }

  /** The reference: the same float64 copy, checked as a bare tape, which is replayed op by op. */
  private static GradientCheck tapeCheck(Network net, Matrix x, Matrix y) {
    Network checked = CheckInputs.deterministicF64(net);
    Plan plan = checked.plan(x.rows(), Mode.TRAIN);
    plan.load(x, y, null, 0);
    GradientCheck check = GradientCheck.of(plan.tape(), plan.cost(), checked.parameters());
    assertFalse(check.usesDenseReplay());
    return check;
  }

  @Test
  void costTermsAndBatchNormAreReplayedOnTheTape() {
    Network l2 = builder(3).dense(4, Init.he()).activation(Activation.RELU).dense(1, Init.he())
        .loss(Loss.BINARY_CROSS_ENTROPY).costTerm(new L2Penalty(0.1)).build();
    Network batchNorm = builder(3).dense(4, Init.he(), false).layer(BatchNorm.create(1, 4, Precision.F64))
        .activation(Activation.RELU).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    for (Network net : new Network[] {l2, batchNorm}) {
      GradientCheck check = GradientCheck.of(net, data(8, 3, 2), targets(net, 8));
      assertFalse(check.usesDenseReplay(), net.toString());
      assertEquals(Verdict.OK, check.run().verdict());
    }
  }

  @Test
  void workerThreadsGiveTheNumbersOfOneThread() {
    Network net = builder(20).dense(50, Init.he()).activation(Activation.RELU).dense(30, Init.he())
        .activation(Activation.TANH).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    Matrix x = data(32, 20, 3);
    Matrix y = targets(net, 32);
    GradientCheck one = GradientCheck.of(net, x, y);
    one.numericalGradient(1e-7, 1);
    GradientCheck two = GradientCheck.of(net, x, y);
    two.numericalGradient(1e-7, 2);
    assertTrue(one.usesDenseReplay() && two.usesDenseReplay());
    for (int p = 0; p < 6; p++) {
      assertArrayEquals(one.numerical()[p], two.numerical()[p], 0.0, "parameter " + p);
    }
  }

  @Test
  void allocatesNothingAfterWarmUp() {
    Network net = builder(20).dense(50, Init.he()).activation(Activation.RELU).dense(1, Init.he())
        .loss(Loss.BINARY_CROSS_ENTROPY).build();
    GradientCheck check = GradientCheck.of(net, data(32, 20, 4), targets(net, 32));
    check.numericalGradient(1e-7, 1);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long least = Long.MAX_VALUE;
    for (int run = 0; run < 8; run++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      check.numericalGradient(1e-7, 1);
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(least < 256, least + " bytes allocated by 2 102 evaluations of J");
  }

  private static Matrix data(int m, int n, long seed) {
    Rng rng = Rng.of(seed);
    Matrix x = Matrix.zeros(Precision.F64, m, n);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian());
    }
    return x;
  }

  /** Labels in {0, 1} for binary and squared-error nets, one-hot rows for softmax. */
  private static Matrix targets(Network net, int m) {
    Rng rng = Rng.of(99);
    int k = net.outputs();
    Matrix y = Matrix.zeros(Precision.F64, m, k);
    for (int i = 0; i < m; i++) {
      if (net.loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
        y.set(i, rng.nextInt(k), 1);
      } else {
        for (int c = 0; c < k; c++) {
          y.set(i, c, rng.nextInt(2));
        }
      }
    }
    return y;
  }
}
