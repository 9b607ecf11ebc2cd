package dev.descent.nn;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Softmax;
import dev.descent.autodiff.SoftmaxCrossEntropy;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.ConfusionMatrix;
import dev.descent.train.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftmaxClassificationTest {
  static final JsonNode G = Golden.load("dense_softmax.json");

  /** The golden [4,6,3] tanh/softmax net with the fixture's parameters. */
  static Network goldenNetwork(Precision p) {
    Network net = Network.builder(4, p, Rng.of(1))
        .dense(6, Init.zeros()).activation(Activation.TANH)
        .dense(3, Init.zeros()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    for (Variable v : net.parameters()) {
      v.value().copyFrom(Golden.matrix(G.get("params").get(v.name()), Precision.F64));
    }
    return net;
  }

  /** Y holds class indices; the network's targets are one-hot rows. */
  static Matrix oneHotLabels() {
    double[] classes = Golden.doubles(G.get("Y"));
    Matrix y = Matrix.zeros(Precision.F64, classes.length, 3);
    for (int i = 0; i < classes.length; i++) {
      y.set(i, (int) classes[i], 1);
    }
    return y;
  }

  @Test
  void costAndGradientsMatchGoldenInFloat64() {
    Network net = goldenNetwork(Precision.F64);
    Matrix x = Golden.matrix(G.get("X"), Precision.F64);
    Plan plan = net.plan(x.rows(), Mode.TRAIN);
    plan.load(x, oneHotLabels(), null, 0);
    assertClose(G.get("cost").asDouble(), plan.step(), 1e-10, "cost");
    for (Variable v : net.parameters()) {
      assertClose(Golden.matrix(G.get("grads").get("d" + v.name()), Precision.F64), v.grad(), 1e-10, "d" + v.name());
    }
  }

  @Test
  void probabilitiesAndInferenceCostMatchGolden() {
    Network net = goldenNetwork(Precision.F64);
    Matrix x = Golden.matrix(G.get("X"), Precision.F64);
    Matrix probabilities = net.predict(x);
    assertClose(Golden.matrix(G.get("probabilities"), Precision.F64), probabilities, 1e-10, "probabilities");
    assertClose(G.get("cost").asDouble(), net.cost(x, oneHotLabels()), 1e-10, "inference cost");
    // the metrics read the same predictions whichever form the labels take
    Matrix indices = Golden.column(G.get("Y"), Precision.F64);
    assertEquals(Metrics.of(probabilities, oneHotLabels()), Metrics.of(probabilities, indices));
    int[] predicted = ConfusionMatrix.predictedClasses(probabilities);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == (int) indices.get(i, 0) ? 1 : 0;
    }
    assertEquals(correct / (double) indices.rows(), Metrics.of(probabilities, indices).accuracy(), 1e-15);
  }

  @Test
  void float32AgreesWithGoldenToFloat32Precision() {
    Network net = goldenNetwork(Precision.F32);
    Matrix x = Golden.matrix(G.get("X"), Precision.F64);
    Plan plan = net.plan(x.rows(), Mode.TRAIN);
    plan.load(x, oneHotLabels(), null, 0);
    assertClose(G.get("cost").asDouble(), plan.step(), 1e-6, "f32 cost");
    for (Variable v : net.parameters()) {
      assertClose(Golden.matrix(G.get("grads").get("d" + v.name()), Precision.F64), v.grad(), 1e-5, "f32 d" + v.name());
    }
  }

  @Test
  void twoClassSoftmaxIsTheSigmoidOfTheLogitDifference() {
    Rng rng = Rng.of(9);
    Matrix z = Matrix.zeros(Precision.F64, 20, 2);
    for (int k = 0; k < z.size(); k++) {
      z.setFlat(k, 6 * rng.nextGaussian());
    }
    Matrix p = z.zerosLike();
    Softmax.rows(z, p);
    for (int i = 0; i < 20; i++) {
      double s = Pointwise.sigmoid(z.get(i, 1) - z.get(i, 0));
      assertClose(s, p.get(i, 1), 1e-15, "p1 row " + i);
      assertClose(1 - s, p.get(i, 0), 1e-15, "p0 row " + i);
    }
  }

  @Test
  void twoClassSoftmaxNetworkEqualsTheSigmoidNetworkOfWeightDifferences() {
    Network softmax = Network.builder(3, Precision.F64, Rng.of(2)).dense(4, Init.he()).activation(Activation.TANH)
        .dense(2, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    Network sigmoid = Network.builder(3, Precision.F64, Rng.of(2)).dense(4, Init.he()).activation(Activation.TANH)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    Dense hidden = (Dense) softmax.layers().get(0);
    Dense out2 = (Dense) softmax.layers().get(2);
    hidden.bias().value().fill(0.3);
    out2.bias().value().set(0, 1, -0.7);
    ((Dense) sigmoid.layers().get(0)).weights().value().copyFrom(hidden.weights().value());
    ((Dense) sigmoid.layers().get(0)).bias().value().copyFrom(hidden.bias().value());
    Dense out1 = (Dense) sigmoid.layers().get(2);
    for (int j = 0; j < 4; j++) {
      out1.weights().value().set(0, j, out2.weights().value().get(1, j) - out2.weights().value().get(0, j));
    }
    out1.bias().value().setFlat(0, out2.bias().value().getFlat(1) - out2.bias().value().getFlat(0));

    Rng rng = Rng.of(3);
    Matrix x = Matrix.zeros(Precision.F64, 10, 3);
    Matrix y = Matrix.zeros(Precision.F64, 10, 1);
    Matrix oneHot = Matrix.zeros(Precision.F64, 10, 2);
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 3; j++) {
        x.set(i, j, rng.nextGaussian());
      }
      int c = rng.nextInt(2);
      y.set(i, 0, c);
      oneHot.set(i, c, 1);
    }
    Matrix p2 = softmax.predict(x);
    Matrix p1 = sigmoid.predict(x);
    for (int i = 0; i < 10; i++) {
      assertClose(p1.get(i, 0), p2.get(i, 1), 1e-14, "p(class 1) row " + i);
    }
    assertClose(sigmoid.cost(x, y), softmax.cost(x, oneHot), 1e-14, "cost");
    assertEquals(Metrics.of(p1, y), Metrics.of(p2, oneHot));
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void softmaxOfLogitsNear1000IsFinite(Precision precision) {
    Matrix z = Matrix.of(precision, 2, 3, 1000, 1001, 1002, -1000, 1000, 999);
    Variable p = new Tape().record(new Softmax(Variable.constant("z", z)));
    Matrix shifted = Matrix.of(Precision.F64, 2, 3, 0, 1, 2, -2000, 1, 0);
    Matrix expected = shifted.zerosLike();
    Softmax.rows(shifted, expected);
    double tolerance = precision == Precision.F32 ? 1e-7 : 1e-15;
    assertClose(expected, p.value(), tolerance, "softmax near 1000");
    assertEquals(0.0, p.value().get(1, 0));   // e^−2000 underflows to exactly 0, not NaN
    assertClose(1 / (1 + Math.exp(-1)), p.value().get(1, 1), tolerance, "p[1][1]");
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void crossEntropyAtProbabilitiesZeroAndOneIsFinite(Precision precision) {
    // softmax probabilities of exactly 1 and 0: right costs 0, wrong costs the logit gap, never ∞
    Tape tape = new Tape();
    Variable z = Variable.parameter("z", Matrix.of(precision, 2, 2, 1000, 0, 1000, 0));
    Variable y = Variable.constant("y", Matrix.of(precision, 2, 2, 1, 0, 0, 1));
    Variable cost = tape.record(new SoftmaxCrossEntropy(z, y));
    tape.backward(cost);
    assertEquals(500.0, cost.scalar(), 1e-9);   // (0 + 1000)/2
    assertClose(Matrix.of(Precision.F64, 2, 2, 0, 0, 0.5, -0.5), z.grad(), 1e-12, "dz");

    Tape binary = new Tape();
    Variable logits = Variable.parameter("z", Matrix.of(precision, 4, 1, 800, -800, 800, -800));
    Variable labels = Variable.constant("y", Matrix.of(precision, 4, 1, 1, 0, 0, 1));
    Variable bce = binary.record(new BinaryCrossEntropy(logits, labels));
    binary.backward(bce);
    assertEquals(400.0, bce.scalar(), 1e-9);    // (0 + 0 + 800 + 800)/4
    assertClose(Matrix.of(Precision.F64, 4, 1, 0, 0, 0.25, -0.25), logits.grad(), 1e-12, "dz");
  }

  @Test
  void sigmoidAt400IsFiniteAndExact() {
    Variable s = new Tape().record(new Pointwise(Pointwise.Function.SIGMOID,
        Variable.constant("z", Matrix.of(Precision.F64, 1, 2, 400, -400))));
    assertEquals(1.0, s.value().getFlat(0));
    assertEquals(Math.exp(-400), s.value().getFlat(1), 1e-15 * Math.exp(-400));
    assertTrue(s.value().getFlat(1) > 0);
    Variable s32 = new Tape().record(new Pointwise(Pointwise.Function.SIGMOID,
        Variable.constant("z", Matrix.of(Precision.F32, 1, 2, 400, -400))));
    assertEquals(1.0, s32.value().getFlat(0));
    assertEquals(0.0, s32.value().getFlat(1));   // below float32's smallest subnormal
    assertEquals(Metrics.of(Matrix.of(Precision.F64, 2, 1, 1.0, Math.exp(-400)), Matrix.of(Precision.F64, 2, 1, 1, 0)).accuracy(), 1.0);
  }
}
