package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.nn.Activation;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.L2Penalty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

  @Test
  void paramsOverrideTheOptionsOfTheSameName() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("lr", 0.02);
    p.put("beta1", 0.8);
    p.put("batch-size", 32);
    p.put("optimizer", "adamw");
    p.put("weight-decay", 0.1);
    p.put("activation", "tanh");
    p.put("keep-prob", 0.9);
    p.put("l2", 0.7);
    p.put("epochs", 5);
    TrainingSettings s = TrainingSettings.defaults().with(p);
    assertEquals(0.02, s.optimizer().learningRate());
    assertEquals(0.8, s.optimizer().beta1());
    assertEquals(32, s.batchSize());
    assertEquals("adamw", s.optimizer().name());
    assertEquals(0.1, s.optimizer().weightDecay());
    assertEquals(Activation.TANH, s.network().activation());
    assertEquals(0.9, s.keepProb());
    assertEquals(0.7, s.lambda());
    assertEquals(5, s.epochs());
    assertEquals(List.of(20, 7), s.hidden(), "untouched options keep the base's values");
  }

  @Test
  void hiddenIsOneLayerForAnIntAndSeveralForText() {
    TrainingSettings base = TrainingSettings.defaults();
    assertEquals(List.of(12), base.with(Map.of("hidden", 12)).hidden());
    assertEquals(List.of(20, 7), base.with(Map.of("hidden", "20-7")).hidden());
    assertEquals(List.of(20, 7), base.with(Map.of("hidden", "20,7")).hidden());
    assertEquals(List.of(9, 9, 9), base.with(Map.of("hidden", 9, "layers", 3)).hidden());
    assertEquals(List.of(20, 20), base.with(Map.of("layers", 2)).hidden(), "layers alone repeat the base's first width");
    assertEquals(List.of(), base.with(Map.of("layers", 0)).hidden());
  }

  @Test
  void badParamsSayWhichAndWhatIsAccepted() {
    TrainingSettings base = TrainingSettings.defaults();
    assertEquals("unknown parameter \"momentum\"; valid: activation, batch-size, beta, beta1, beta2, epochs, epsilon, hidden, init, "
        + "keep-prob, l2, layers, lr, optimizer, schedule, weight-decay",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("momentum", 0.9))).getMessage());
    assertEquals("keep-prob = 1.5: must be in (0, 1]; it is the probability of keeping a unit, 1 turns dropout off, e.g. 0.86",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("keep-prob", 1.5))).getMessage());
    // the optimizer's own check (OptimizerSpec), in the options' words
    assertEquals("--beta1 1.2: must be in [0, 1)",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("beta1", 1.2))).getMessage());
    assertEquals("batch-size = 32.5: must be a whole number, e.g. batch-size=int:1:4 or batch-size=choice:32,64",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("batch-size", 32.5))).getMessage());
    assertEquals("optimizer = adamax: must be one of gd, momentum, nesterov, rmsprop, adagrad, adam, adamw",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("optimizer", "adamax"))).getMessage());
    assertEquals("hidden = 20x7: must be a width (one hidden layer, e.g. hidden=int-log:4:64) or sizes joined by '-' (e.g. hidden=choice:20-7,5-2,10)",
        assertThrows(IllegalArgumentException.class, () -> base.with(Map.of("hidden", "20x7"))).getMessage());
  }

  @Test
  void regularizationAddsDropoutLayersAndTheL2Term() {
    PreparedData data = new DataPlan(DataRequest.builtIn("moons", 100, 0.2, 3), null, List.of(80.0, 20.0), true, 1).prepare();
    var plain = TrainingSettings.defaults().buildNetwork(data.train());
    var regularized = TrainingSettings.defaults().with(Map.of("keep-prob", 0.8, "l2", 0.7)).buildNetwork(data.train());
    assertEquals(5, plain.layers().size());
    assertEquals(7, regularized.layers().size());
    assertEquals(0.8, ((Dropout) regularized.layers().get(2)).keepProb());
    assertEquals(0.8, ((Dropout) regularized.layers().get(5)).keepProb());
    assertEquals(List.of(new L2Penalty(0.7)), regularized.costTerms());
    assertEquals(plain.parameters().get(0).value().getFlat(3), regularized.parameters().get(0).value().getFlat(3),
        "the same seed draws the same initial weights");
  }

  @Test
  void aRunConfigSurvivesJson() {
    DataPlan plan = new DataPlan(DataRequest.builtIn("moons", 300, 0.2, 3), null, List.of(60.0, 20.0, 20.0), true, 5);
    TrainingSettings settings = TrainingSettings.defaults().with(Map.of("optimizer", "momentum", "beta", 0.95, "schedule", "inverse-time:decay=1",
        "keep-prob", 0.9, "hidden", "5-2"));
    RunConfig config = new RunConfig(plan, settings);
    assertEquals(config, RunConfig.fromJsonText(config.toJsonText()));
    RunConfig noiseless = new RunConfig(new DataPlan(DataRequest.builtIn("circles", 50, Double.NaN, 1), null, List.of(80.0, 20.0), false, 2),
        TrainingSettings.defaults());
    assertEquals(noiseless.toJsonText(), RunConfig.fromJsonText(noiseless.toJsonText()).toJsonText());
  }
}
