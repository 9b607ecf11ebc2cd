package dev.descent.regularize;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Layer;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizationGoldenTest {
  static final JsonNode G = GoldenNet.G;
  static final double L2_LAMBDA = G.get("l2").get("lambda").asDouble();
  static final double L1_LAMBDA = G.get("l1").get("lambda").asDouble();
  static final double KEEP_PROB = G.get("dropout").get("keep_prob").asDouble();

  static double step(Network net) {
    Plan plan = net.plan(GoldenNet.x().rows(), Mode.TRAIN);
    plan.load(GoldenNet.x(), GoldenNet.y(), null, 0);
    return plan.step();
  }

  static void assertGrads(Network net, JsonNode grads, double tolerance, String what) {
    for (Variable v : net.parameters()) {
      assertClose(Golden.matrix(grads.get("d" + v.name()), Precision.F64), v.grad(), tolerance, what + " d" + v.name());
    }
  }

  @Test
  void l2CostAndGradientsMatchGolden() {
    Network net = GoldenNet.build(Precision.F64, null, new L2Penalty(L2_LAMBDA));
    assertClose(G.get("l2").get("cost").asDouble(), step(net), 1e-10, "l2 cost");
    assertGrads(net, G.get("l2").get("grads"), 1e-10, "l2");
  }

  @Test
  void l1CostAndGradientsMatchGolden() {
    Network net = GoldenNet.build(Precision.F64, null, new L1Penalty(L1_LAMBDA));
    assertClose(G.get("l1").get("cost").asDouble(), step(net), 1e-10, "l1 cost");
    assertGrads(net, G.get("l1").get("grads"), 1e-10, "l1");
  }

  @Test
  void l2AndL1AgreeInFloat32ToFloat32Precision() {
    Network l2 = GoldenNet.build(Precision.F32, null, new L2Penalty(L2_LAMBDA));
    assertClose(G.get("l2").get("cost").asDouble(), step(l2), 1e-6, "f32 l2 cost");
    assertGrads(l2, G.get("l2").get("grads"), 1e-5, "f32 l2");
    Network l1 = GoldenNet.build(Precision.F32, null, new L1Penalty(L1_LAMBDA));
    assertClose(G.get("l1").get("cost").asDouble(), step(l1), 1e-6, "f32 l1 cost");
    assertGrads(l1, G.get("l1").get("grads"), 1e-5, "f32 l1");
  }

  @Test
  void biasesAreNotRegularized() {
    Network net = GoldenNet.build(Precision.F64, null, new L2Penalty(L2_LAMBDA), new L1Penalty(L1_LAMBDA));
    step(net);
    for (String b : List.of("b1", "b2", "b3")) {
      Variable v = net.parameters().stream().filter(p -> p.name().equals(b)).findFirst().orElseThrow();
      assertClose(Golden.matrix(G.get("grads").get("d" + b), Precision.F64), v.grad(), 1e-12, "d" + b);
    }
  }

  @Test
  void zeroLambdaChangesNothing() {
    Network plain = GoldenNet.build(Precision.F64, null);
    Network zero = GoldenNet.build(Precision.F64, null, new L2Penalty(0), new L1Penalty(0));
    assertEquals(step(plain), step(zero));
    for (int i = 0; i < plain.parameters().size(); i++) {
      assertEquals(plain.parameters().get(i).grad(), zero.parameters().get(i).grad());
    }
  }

  @Test
  void penaltiesStayOutOfTheInferenceCost() {
    Network net = GoldenNet.build(Precision.F64, null, new L2Penalty(L2_LAMBDA));
    assertClose(G.get("cost").asDouble(), net.cost(GoldenNet.x(), GoldenNet.y()), 1e-12, "inference cost");
  }

  @Test
  void dropoutWithGivenMasksMatchesGolden() {
    JsonNode d = G.get("dropout");
    Layer[] drops = {Dropout.keep(KEEP_PROB).withMasks(MaskSource.fixed(GoldenNet.mask("D1"))),
        Dropout.keep(KEEP_PROB).withMasks(MaskSource.fixed(GoldenNet.mask("D2")))};
    Network net = GoldenNet.build(Precision.F64, drops);
    double cost = step(net);
    assertClose(d.get("cost").asDouble(), cost, 1e-10, "dropout cost");
    assertGrads(net, d.get("grads"), 1e-10, "dropout");
    // affine, relu, dropout, affine, relu, dropout, affine, loss
    List<Op> ops = net.plan(GoldenNet.x().rows(), Mode.TRAIN).tape().ops();
    assertInstanceOf(InvertedDropout.class, ops.get(2));
    assertInstanceOf(InvertedDropout.class, ops.get(5));
    Matrix z3 = ops.get(6).output().value();
    Matrix al = z3.zerosLike();
    for (int k = 0; k < z3.size(); k++) {
      al.setFlat(k, Pointwise.sigmoid(z3.getFlat(k)));
    }
    assertClose(Golden.matrix(d.get("AL"), Precision.F64).getFlat(0), al.getFlat(0), 1e-10, "AL[0]");
    Matrix expected = Golden.matrix(d.get("AL"), Precision.F64);
    for (int k = 0; k < al.size(); k++) {
      assertClose(expected.getFlat(k), al.getFlat(k), 1e-10, "AL[" + k + "]");
    }
    assertEquals(GoldenNet.mask("D1"), ((InvertedDropout) ops.get(2)).mask());
  }

  @Test
  void dropoutInFloat32AgreesToFloat32Precision() {
    Layer[] drops = {Dropout.keep(KEEP_PROB).withMasks(MaskSource.fixed(GoldenNet.mask("D1"))),
        Dropout.keep(KEEP_PROB).withMasks(MaskSource.fixed(GoldenNet.mask("D2")))};
    Network net = GoldenNet.build(Precision.F32, drops);
    assertClose(G.get("dropout").get("cost").asDouble(), step(net), 1e-6, "f32 dropout cost");
    assertGrads(net, G.get("dropout").get("grads"), 1e-5, "f32 dropout");
  }
}
