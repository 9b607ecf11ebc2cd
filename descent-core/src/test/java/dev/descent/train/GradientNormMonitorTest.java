package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.data.Dataset;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.Transforms;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.GoldenNet;
import dev.descent.regularize.L2Penalty;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientNormMonitorTest {

  static Dataset golden() {
    Matrix y = GoldenNet.y();
    int[] labels = new int[y.rows()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) y.get(i, 0);
    }
    return Dataset.classification("golden", GoldenNet.x(), labels, Dataset.numberedClasses(2), Dataset.numberedFeatures(4));
  }

  @Test
  void measuresTheDataCostGradientWithoutDropoutOrPenalty() {
    // dropout at keep 0.5 and an L2 term would both change a training step's gradient; the probe sees neither
    Network net = GoldenNet.build(Precision.F64, new dev.descent.nn.Layer[] {Dropout.keep(0.5), Dropout.keep(0.5)},
        new L2Penalty(0.7));
    Dataset d = golden();
    TrainingContext context = new TrainingContext(net, new Optimizer(Transforms.scaleByLearningRate(Schedule.constant(0.1)), net.parameters()), d, null,
        TrainingConfig.of(3));
    List<String> printed = new ArrayList<>();
    GradientNormMonitor monitor = new GradientNormMonitor(GradientNorms.Limits.defaults(), printed::add);
    monitor.onStart(context);
    monitor.onEpochEnd(new EpochResult(0, 1, Double.NaN, Double.NaN, 1), context);
    JsonNode g = GoldenNet.G.get("grads");
    JsonNode p = GoldenNet.G.get("params");
    assertEquals(List.of("layer 1 (W1, b1)", "layer 2 (W2, b2)", "layer 3 (W3, b3)"), monitor.layerLabels());
    assertEquals(1, monitor.epochs());
    for (int l = 1; l <= 3; l++) {
      assertEquals(GradientNormsTest.norm(g.get("dW" + l), g.get("db" + l)), monitor.gradientNorms(l - 1)[0], 1e-12);
      assertEquals(GradientNormsTest.norm(p.get("W" + l), p.get("b" + l)), monitor.weightNorms(l - 1)[0], 1e-12);
    }
    assertEquals(List.of(), printed);
  }

  static Network droppingNet() {
    return Network.builder(4, Precision.F32, Rng.of(8)).dense(6, Init.he()).activation(Activation.RELU)
        .layer(Dropout.keep(0.7)).dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  @Test
  void monitoringDoesNotChangeTheRun() {
    Dataset d = golden();
    TrainingConfig config = new TrainingConfig(25, 3, 2, true);
    Network watched = droppingNet();
    Network alone = droppingNet();
    GradientNormMonitor monitor = new GradientNormMonitor(GradientNorms.Limits.defaults(), s -> {});
    new Trainer(watched, Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(0.1))), config)
        .fit(d, d, List.of(monitor));
    new Trainer(alone, Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(0.1))), config)
        .fit(d, d, List.of());
    for (int i = 0; i < watched.parameters().size(); i++) {
      assertEquals(alone.parameters().get(i).value(), watched.parameters().get(i).value());
    }
    assertEquals(25, monitor.epochs());
    assertEquals(25, monitor.gradientNorms(1).length);
    assertTrue(monitor.weightNorms(0)[24] != monitor.weightNorms(0)[0]);
  }

  @Test
  void printsTheFirstWarningOfEachKindAndCountsTheRest() {
    NetworkBuilder b = Network.builder(4, Precision.F64, Rng.of(3));
    for (int l = 0; l < 10; l++) {
      b.dense(8, Init.xavier()).activation(Activation.SIGMOID);
    }
    Network net = b.dense(1, Init.xavier()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    List<String> printed = new ArrayList<>();
    GradientNormMonitor monitor = new GradientNormMonitor(GradientNorms.Limits.defaults(), printed::add);
    new Trainer(net, Transforms.chain(Transforms.scaleByLearningRate(Schedule.constant(0.01))), new TrainingConfig(4, 0, 1, false))
        .fit(golden(), null, List.of(monitor));
    assertEquals(1, printed.size(), printed.toString());
    assertTrue(printed.get(0).startsWith("epoch 1: vanishing gradients: the first layer's gradient norm over the last's is "),
        printed.get(0));
    assertEquals(printed, monitor.firstWarnings());
    assertEquals(Map.of("vanishing gradients", 4), monitor.warningCounts());
    assertEquals(monitor.last().ratio(), monitor.gradientNorms(0)[3] / monitor.gradientNorms(10)[3], 1e-15);
  }
}
