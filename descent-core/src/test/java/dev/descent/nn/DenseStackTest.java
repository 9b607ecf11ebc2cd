package dev.descent.nn;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.Golden;
import dev.descent.autodiff.Affine;
import dev.descent.autodiff.DenseStack;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Variable;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.L2Penalty;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.tensor.SizeSwitchingGemm;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DenseStackTest {

  @Test
  void costAndGradientsMatchGoldenInFloat32() {
    Network net = DenseBinaryGoldenTest.goldenNetwork(Precision.F32);
    Matrix x = Golden.matrix(DenseBinaryGoldenTest.G.get("X"), Precision.F64);
    Matrix y = Golden.column(DenseBinaryGoldenTest.G.get("Y"), Precision.F64);
    Plan step = net.plan(x.rows(), Mode.TRAIN);
    assertStacked(step);
    step.load(x, y, null, 0);
    double cost = step.step();
    assertClose(DenseBinaryGoldenTest.G.get("cost").asDouble(), cost, 1e-6, "cost");
    for (Variable v : net.parameters()) {
      assertClose(Golden.matrix(DenseBinaryGoldenTest.G.get("grads").get("d" + v.name()), Precision.F64), v.grad(),
          1e-5, "d" + v.name());
    }
  }

  /**
   * The same network trained by the unfused ops (forced by a Gemm other than the default) and by the
   * stack: every cost and, at the end, every parameter equal to the last bit, for batches
   * that take LoopGemm's tall kernels (m ≥ 4 × widths), its short ones, and a mix of both, and
   * for batches over one and over two of binary cross-entropy's runs of logarithms of products.
   */
  @ParameterizedTest(name = "{0} inputs, hidden {1} {2}, {3} outputs, {4}, m = {5}")
  @CsvSource({
      "2, 5;2, relu, 1, binary-cross-entropy, 64",
      "2, 5;2, relu, 1, binary-cross-entropy, 44",
      "2, 5;2, relu, 1, binary-cross-entropy, 16",
      "2, 5;2, relu, 1, binary-cross-entropy, 1",
      "2, 10;5, relu, 1, binary-cross-entropy, 41",
      "2, 5;2, relu, 1, binary-cross-entropy, 300",
      "2, 3, relu, 1, binary-cross-entropy, 512",
      "3, 8;4, tanh, 2, mean-squared-error, 40",
      "3, 8;4, sigmoid, 2, binary-cross-entropy, 9",
      "4, 6, leaky-relu, 3, binary-cross-entropy, 33",
      "4, 6, linear, 1, mean-squared-error, 24"})
  void trainsBitForBitAsTheTape(int inputs, String hidden, String activation, int outputs, String loss, int m) {
    Network small = network(inputs, hidden, activation, outputs, loss, Gemm.auto());
    // every product in loops, as the stack sums them (the shapes keep dW below the
    // default switch to OpenBLAS, beyond which the stack takes an order of its own)
    Network tape = network(inputs, hidden, activation, outputs, loss, new SizeSwitchingGemm(Long.MAX_VALUE));
    assertStacked(small.plan(m, Mode.TRAIN));
    assertFalse(tape.stacked());
    Rng rng = Rng.of(11);
    Matrix x = Matrix.zeros(Precision.F32, 3 * m, inputs);
    Matrix y = Matrix.zeros(Precision.F32, 3 * m, outputs);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian());
    }
    for (int k = 0; k < y.size(); k++) {
      y.setFlat(k, loss.equals("mean-squared-error") ? rng.nextGaussian() : rng.nextInt(2));
    }
    int[] order = new int[3 * m];
    for (int i = 0; i < order.length; i++) {
      order[i] = (7 * i + 3) % order.length;  // a permutation: 7 divides none of the sizes
    }
    Optimizer smallAdam = new Optimizer(Optimizers.adam(0.01), small.parameters());
    Optimizer tapeAdam = new Optimizer(Optimizers.adam(0.01), tape.parameters());
    for (int t = 0; t < 30; t++) {
      int from = (t % 3) * m;
      Plan a = small.plan(m, Mode.TRAIN);
      Plan b = tape.plan(m, Mode.TRAIN);
      a.load(x, y, order, from);
      b.load(x, y, order, from);
      double costA = a.step();
      double costB = b.step();
      assertEquals(costB, costA, 0.0, "cost of step " + t);
      if (t == 0) {
        assertSameValues(tape.parameters(), small.parameters(), true);
      }
      smallAdam.step();
      tapeAdam.step();
    }
    assertSameValues(tape.parameters(), small.parameters(), false);
  }

  /**
   * A weight gone NaN (a diverged run) makes the cost NaN on both paths, so the trainer stops on
   * it, instead of a ReLU turning the unit into a silent 0; float32 on both paths, float64 on the tape.
   */
  @Test
  void aNanWeightMakesTheCostNanOnEveryPath() {
    Network small = course(Precision.F32).build();
    Network tape = course(Precision.F32).gemm(new SizeSwitchingGemm(Long.MAX_VALUE)).build();
    Network tape64 = course(Precision.F64).build();
    Matrix x = Matrix.zeros(Precision.F32, 16, 2);
    Matrix y = Matrix.zeros(Precision.F32, 16, 1);
    Rng rng = Rng.of(9);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian());
    }
    for (Network net : List.of(small, tape, tape64)) {
      net.parameters().get(0).value().set(2, 1, Double.NaN);
      Plan step = net.plan(16, Mode.TRAIN);
      step.load(x, y, null, 0);
      double cost = step.step();
      assertTrue(Double.isNaN(cost), (net.stacked() ? "stacked " : "") + net.precision() + ": cost " + cost);
    }
    assertStacked(small.plan(16, Mode.TRAIN));
    assertFalse(tape.stacked());
  }

  private static void assertSameValues(List<Variable> expected, List<Variable> actual, boolean gradients) {
    for (int p = 0; p < expected.size(); p++) {
      Matrix e = gradients ? expected.get(p).grad() : expected.get(p).value();
      Matrix a = gradients ? actual.get(p).grad() : actual.get(p).value();
      for (int k = 0; k < e.size(); k++) {
        assertEquals(e.getFlat(k), a.getFlat(k), 0.0,
            (gradients ? "d" : "") + expected.get(p).name() + " entry " + k);
      }
    }
  }

  private static Network network(int inputs, String hidden, String activation, int outputs, String loss, Gemm gemm) {
    NetworkBuilder b = Network.builder(inputs, Precision.F32, Rng.of(3)).gemm(gemm);
    for (String units : hidden.split(";")) {
      b.dense(Integer.parseInt(units), Init.he()).activation(Activation.parse(activation));
    }
    return b.dense(outputs, Init.he()).loss(Loss.parse(loss)).build();
  }

  /**
   * Where the tape would compute dW by OpenBLAS, the stack sums it in blocks (2 rows × 4
   * inputs, or 4 × 2 below four inputs, the rest row by row): the same gradients up to float32
   * rounding. Shapes with whole blocks, leftover rows and leftover inputs of both block kinds.
   */
  @ParameterizedTest(name = "{0} inputs, hidden {1}, m = {2}")
  @CsvSource({"2, 10;5, 300", "3, 12;6, 200", "5, 9;7, 120"})
  void sumsOpenBlasSizedGradientsInBlocksAsTheTapeUpToRounding(int inputs, String hidden, int m) {
    Network small = network(inputs, hidden, "relu", 1, "binary-cross-entropy", Gemm.auto());
    Network tape = network(inputs, hidden, "relu", 1, "binary-cross-entropy",
        new SizeSwitchingGemm(SizeSwitchingGemm.DEFAULT_THRESHOLD));
    Rng rng = Rng.of(17);
    Matrix x = Matrix.zeros(Precision.F32, m, inputs);
    Matrix y = Matrix.zeros(Precision.F32, m, 1);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian());
    }
    for (int k = 0; k < y.size(); k++) {
      y.setFlat(k, rng.nextInt(2));
    }
    Plan a = small.plan(m, Mode.TRAIN);
    Plan b = tape.plan(m, Mode.TRAIN);
    assertStacked(a);
    a.load(x, y, null, 0);
    b.load(x, y, null, 0);
    assertEquals(b.step(), a.step(), 1e-6, "cost");
    for (int p = 0; p < tape.parameters().size(); p++) {
      Matrix expected = tape.parameters().get(p).grad();
      Matrix actual = small.parameters().get(p).grad();
      double largest = 0;
      for (int k = 0; k < expected.size(); k++) {
        largest = Math.max(largest, Math.abs(expected.getFlat(k)));
      }
      assertTrue(largest > 1e-4, "the comparison needs a gradient to compare");
      for (int k = 0; k < expected.size(); k++) {
        assertEquals(expected.getFlat(k), actual.getFlat(k), 1e-5 * largest,
            "d" + tape.parameters().get(p).name() + " entry " + k);
      }
    }
  }

  @Test
  void takesOnlyWhatItComputes() {
    assertTrue(stacked(course(Precision.F32).build()));
    assertFalse(stacked(course(Precision.F64).build()), "float64 stays on the tape");
    assertFalse(stacked(course(Precision.F32).costTerm(new L2Penalty(0.1)).build()), "cost terms");
    assertFalse(stacked(Network.builder(2, Precision.F32, Rng.of(3))
        .dense(5, Init.he()).activation(Activation.RELU).layer(Dropout.keep(0.8))
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build()), "dropout");
    assertFalse(stacked(Network.builder(2, Precision.F32, Rng.of(3))
        .dense(DenseStack.MAX_WIDTH + 1, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build()), "a layer wider than MAX_WIDTH");
    assertFalse(stacked(Network.builder(2, Precision.F32, Rng.of(3))
        .dense(5, Init.he()).activation(Activation.RELU)
        .dense(3, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build()), "softmax");
    assertFalse(stacked(Network.builder(2, Precision.F32, Rng.of(3))
        .dense(5, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).gemm(new SizeSwitchingGemm(Long.MAX_VALUE)).build()),
        "another Gemm");
    Network net = course(Precision.F32).build();
    for (Mode mode : Mode.values()) {
      assertStacked(net.plan(44, mode));
    }
  }

  @Test
  void loadsFloat64RowsAsTheTapeDoes() {
    Network small = course(Precision.F32).build();
    Network tape = course(Precision.F32).gemm(new SizeSwitchingGemm(SizeSwitchingGemm.DEFAULT_THRESHOLD)).build();
    Matrix x = Matrix.zeros(Precision.F64, 30, 2);
    Matrix y = Matrix.zeros(Precision.F64, 30, 1);
    Rng rng = Rng.of(5);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, rng.nextGaussian() * 1e-3 + 1.0 / 3);
    }
    for (int k = 0; k < y.size(); k++) {
      y.setFlat(k, rng.nextInt(2));
    }
    Plan a = small.plan(30, Mode.TRAIN);
    Plan b = tape.plan(30, Mode.TRAIN);
    a.load(x, y, null, 0);
    b.load(x, y, null, 0);
    assertEquals(b.step(), a.step(), 0.0);
    assertSameValues(tape.parameters(), small.parameters(), true);
  }

  private static boolean stacked(Network net) {
    return net.stacked();
  }

  /** The plan's tape runs the dense layers as one op, the input's only consumer. */
  private static void assertStacked(Plan plan) {
    assertInstanceOf(DenseStack.class, plan.tape().ops().get(0));
    for (Op op : plan.tape().ops().subList(1, plan.tape().ops().size())) {
      assertFalse(op instanceof Affine, op.toString());
    }
  }

  private static NetworkBuilder course(Precision precision) {
    return Network.builder(2, precision, Rng.of(3))
        .dense(5, Init.he()).activation(Activation.RELU)
        .dense(2, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY);
  }
}
