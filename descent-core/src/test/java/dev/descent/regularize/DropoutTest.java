package dev.descent.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.BuildContext;
import dev.descent.nn.Layer;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropoutTest {

  static Plan loaded(Network net, Mode mode) {
    Plan plan = net.plan(7, mode);
    plan.load(GoldenNet.x(), GoldenNet.y(), null, 0);
    return plan;
  }

  @Test
  void keepProbOneIsNoDropout() {
    Network plain = GoldenNet.build(Precision.F64, null);
    Network kept = GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(1), Dropout.drop(0)});
    Plan a = loaded(plain, Mode.TRAIN);
    Plan b = loaded(kept, Mode.TRAIN);
    assertEquals(a.step(), b.step());
    assertEquals(a.tape().ops().size(), b.tape().ops().size());
    for (int i = 0; i < plain.parameters().size(); i++) {
      assertEquals(plain.parameters().get(i).grad(), kept.parameters().get(i).grad());
    }
  }

  @Test
  void dropoutIsTheIdentityInInference() {
    Network plain = GoldenNet.build(Precision.F64, null);
    Network dropped = GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(0.5), Dropout.keep(0.5)});
    assertEquals(plain.predict(GoldenNet.x()), dropped.predict(GoldenNet.x()));
    for (Op op : loaded(dropped, Mode.INFER).tape().ops()) {
      assertTrue(!(op instanceof InvertedDropout), "inference tape records " + op);
    }
  }

  @Test
  void eachForwardPassDrawsAFreshSeededMask() {
    Network net = GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(0.8), null});
    Plan plan = loaded(net, Mode.TRAIN);
    InvertedDropout op = (InvertedDropout) plan.tape().ops().get(2);
    Matrix first = op.mask().copy();
    plan.forward();
    Matrix second = op.mask().copy();
    assertNotEquals(first, second);
    Network twin = GoldenNet.build(Precision.F64, new Layer[] {Dropout.keep(0.8), null});
    Plan replay = loaded(twin, Mode.TRAIN);
    assertEquals(first, ((InvertedDropout) replay.tape().ops().get(2)).mask());
  }

  @Test
  void outputIsActivationTimesMaskOverKeepProb() {
    Matrix a = Matrix.zeros(Precision.F64, 200, 100);
    for (int k = 0; k < a.size(); k++) {
      a.setFlat(k, 1 + k % 7);
    }
    Tape tape = new Tape();
    Variable in = Variable.constant("A1", a);
    Variable out = Dropout.keep(0.8).apply(tape, in, new BuildContext(Mode.TRAIN, Rng.of(5), Gemm.auto()));
    Matrix mask = ((InvertedDropout) tape.ops().get(0)).mask();
    double kept = 0;
    for (int k = 0; k < a.size(); k++) {
      double d = mask.getFlat(k);
      assertTrue(d == 0 || d == 1);
      kept += d;
      assertEquals(a.getFlat(k) * d / 0.8, out.value().getFlat(k));
    }
    // 20 000 Bernoulli(0.8) draws: the kept fraction is 0.8 ± 0.003 (one standard deviation)
    assertEquals(0.8, kept / a.size(), 0.01);
  }

  @Test
  void backwardScalesByTheSameMask() {
    Matrix a = Matrix.of(Precision.F64, 2, 2, 1, 2, 3, 4);
    Tape tape = new Tape();
    Variable w = Variable.parameter("W", a);
    Matrix d = Matrix.of(Precision.F64, 2, 2, 1, 0, 0, 1);
    Variable out = tape.record(new InvertedDropout(w, 0.5, MaskSource.fixed(d), Rng.of(1)));
    Variable cost = tape.record(new dev.descent.autodiff.Reduce(dev.descent.autodiff.Reduce.Kind.SUM, out));
    tape.backward(cost);
    assertEquals(Matrix.of(Precision.F64, 2, 2, 2, 0, 0, 8), out.value());
    assertEquals(Matrix.of(Precision.F64, 2, 2, 2, 0, 0, 2), w.grad());
  }

  @Test
  void dropNamesTheOtherProbability() {
    assertEquals(0.86, Dropout.drop(0.14).keepProb());
    assertEquals(0.86, Dropout.keep(0.86).keepProb());
    assertEquals(Map.of("keep_prob", 0.86), Dropout.keep(0.86).spec().settings());
    assertEquals("dropout", Dropout.keep(0.86).spec().kind());
  }

  @Test
  void deterministicVersionIsTheIdentity() {
    Dropout one = Dropout.keep(1);
    assertSame(one, one.deterministic());
    Layer off = Dropout.keep(0.5).deterministic();
    Tape tape = new Tape();
    Variable in = Variable.constant("A", Matrix.of(Precision.F64, 1, 2, 3, 4));
    assertSame(in, off.apply(tape, in, new BuildContext(Mode.TRAIN, Rng.of(1), Gemm.auto())));
    assertEquals(List.of(), tape.ops());
  }

  @Test
  void badKeepProbabilitiesAreRejectedWithTheValue() {
    String tail = ": must be in (0, 1]; it is the probability of keeping a unit, e.g. Dropout.keep(0.86) or"
        + " Dropout.drop(0.14) drops 14% of the units";
    assertEquals("keepProb = 1.3" + tail, assertThrows(IllegalArgumentException.class, () -> Dropout.keep(1.3)).getMessage());
    assertEquals("keepProb = 0.0" + tail, assertThrows(IllegalArgumentException.class, () -> Dropout.keep(0)).getMessage());
    assertEquals("keepProb = NaN" + tail, assertThrows(IllegalArgumentException.class, () -> Dropout.keep(Double.NaN)).getMessage());
    String dropTail = ": must be in [0, 1); it is the probability of dropping a unit, e.g. Dropout.drop(0.14) or"
        + " Dropout.keep(0.86) keeps 86% of the units";
    assertEquals("dropRate = 1.0" + dropTail, assertThrows(IllegalArgumentException.class, () -> Dropout.drop(1)).getMessage());
    assertEquals("dropRate = -0.1" + dropTail, assertThrows(IllegalArgumentException.class, () -> Dropout.drop(-0.1)).getMessage());
  }

  @Test
  void badFixedMasksAreRejected() {
    Matrix half = Matrix.of(Precision.F64, 1, 2, 1, 0.5);
    assertEquals("fixed dropout mask: entry [0, 1] = 0.5: must be 0 (drop) or 1 (keep)",
        assertThrows(IllegalArgumentException.class, () -> MaskSource.fixed(half)).getMessage());
    Network net = GoldenNet.build(Precision.F64,
        new Layer[] {Dropout.keep(0.8).withMasks(MaskSource.fixed(Matrix.zeros(Precision.F64, 8, 5))), null});
    assertEquals("fixed dropout mask is 8×5 but the layer's activations are 7×5; give a mask of m rows (the batch)"
        + " × the layer's units", assertThrows(IllegalArgumentException.class, () -> net.plan(7, Mode.TRAIN)).getMessage());
  }
}
