package dev.descent.nn;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseBinaryGoldenTest {
  static final JsonNode G = Golden.load("dense_binary.json");

  /** The golden [4,5,3,1] relu/relu/sigmoid net with the fixture's parameters. */
  static Network goldenNetwork(Precision p) {
    Network net = Network.builder(4, p, Rng.of(1))
        .dense(5, Init.zeros()).activation(Activation.RELU)
        .dense(3, Init.zeros()).activation(Activation.RELU)
        .dense(1, Init.zeros()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    for (Variable v : net.parameters()) {
      v.value().copyFrom(Golden.matrix(G.get("params").get(v.name()), Precision.F64));
    }
    return net;
  }

  static Plan loaded(Network net, Mode mode) {
    Matrix x = Golden.matrix(G.get("X"), Precision.F64);
    Matrix y = Golden.column(G.get("Y"), Precision.F64);
    Plan plan = net.plan(x.rows(), mode);
    plan.load(x, y, null, 0);
    return plan;
  }

  @Test
  void costAndGradientsMatchGoldenInFloat64() {
    Network net = goldenNetwork(Precision.F64);
    Plan plan = loaded(net, Mode.TRAIN);
    double cost = plan.step();
    assertClose(G.get("cost").asDouble(), cost, 1e-12, "cost");
    for (Variable v : net.parameters()) {
      assertClose(Golden.matrix(G.get("grads").get("d" + v.name()), Precision.F64), v.grad(), 1e-10, "d" + v.name());
    }
  }

  @Test
  void forwardCachesMatchGolden() {
    Network net = goldenNetwork(Precision.F64);
    Plan plan = loaded(net, Mode.INFER);
    plan.forward();
    List<dev.descent.autodiff.Op> ops = plan.tape().ops();
    // affine, relu, affine, relu, affine, loss, sigmoid
    String[] names = {"Z1", "A1", "Z2", "A2", "Z3"};
    for (int i = 0; i < names.length; i++) {
      assertClose(Golden.matrix(G.get("forward").get(names[i]), Precision.F64), ops.get(i).output().value(), 1e-12, names[i]);
    }
    assertClose(Golden.matrix(G.get("forward").get("A3"), Precision.F64), plan.output().value(), 1e-12, "A3");
  }

  @Test
  void float32AgreesWithFloat64ToFloat32Precision() {
    Network net32 = goldenNetwork(Precision.F32);
    Plan plan = loaded(net32, Mode.TRAIN);
    double cost = plan.step();
    assertClose(G.get("cost").asDouble(), cost, 1e-6, "f32 cost");
    for (Variable v : net32.parameters()) {
      assertClose(Golden.matrix(G.get("grads").get("d" + v.name()), Precision.F64), v.grad(), 1e-5, "f32 d" + v.name());
    }
    assertEquals(Precision.F32, net32.parameters().get(0).value().precision());
  }
}
