package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.optim.schedule.Per;
import dev.descent.optim.schedule.Schedules;
import org.junit.jupiter.api.Test;

class OptimizersTest {

  @Test
  void parsesEveryNameIntoItsRecipe() {
    OptimizerSettings s = OptimizerSettings.of(0.01);
    assertEquals(Optimizers.gd(0.01).describe(), Optimizers.parse("gd", s).describe());
    assertEquals(Optimizers.momentum(0.01, 0.9).describe(), Optimizers.parse("momentum", s).describe());
    assertEquals(Optimizers.nesterov(0.01, 0.9).describe(), Optimizers.parse("nesterov", s).describe());
    assertEquals(Optimizers.rmsprop(0.01, 0.999, 1e-8).describe(), Optimizers.parse("rmsprop", s).describe());
    assertEquals(Optimizers.adagrad(0.01, 1e-8).describe(), Optimizers.parse("adagrad", s).describe());
    assertEquals(Optimizers.adam(0.01).describe(), Optimizers.parse("adam", s).describe());
    assertEquals(Optimizers.adamw(0.01, 0.01).describe(), Optimizers.parse("adamw", s).describe());
  }

  @Test
  void momentumTakesBeta1AndRmspropTakesBeta2() {
    OptimizerSettings s = OptimizerSettings.of(0.01).withBeta1(0.8);
    assertEquals("scale_by_momentum(beta=0.8) → scale_by_learning_rate(constant(lr0=0.01))",
        Optimizers.parse("momentum", s).describe());
    assertEquals(Optimizers.rmsprop(0.01, 0.9, 1e-7).describe(),
        Optimizers.parse("rmsprop", OptimizerSettings.of(0.01).withBeta2(0.9).withEpsilon(1e-7)).describe());
  }

  @Test
  void takesASchedule() {
    OptimizerSettings s = OptimizerSettings.of(Schedules.exponential(0.1, 0.9, Per.EPOCH)).withWeightDecay(0.001);
    assertEquals("scale_by_adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8) → add_decayed_weights(weight_decay=0.001) → "
        + "scale_by_learning_rate(exponential(lr0=0.1, rate=0.9, per=epoch))", Optimizers.parse("adamw", s).describe());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.parse("sgd", OptimizerSettings.of(0.1)));
    assertEquals("optimizer 'sgd' is unknown; expected one of gd|momentum|nesterov|rmsprop|adagrad|adam|adamw",
        e.getMessage());
  }

  @Test
  void aSettingTheOptimizerIgnoresIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.parse("momentum", OptimizerSettings.of(0.1).withBeta2(0.99).withWeightDecay(0)));
    assertEquals("optimizer momentum does not use beta2 = 0.99, weightDecay = 0.0; it takes learningRate, beta1",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.parse("adam", OptimizerSettings.of(0.1).withWeightDecay(0.1)));
    assertEquals("optimizer adam does not use weightDecay = 0.1; it takes learningRate, beta1, beta2, epsilon",
        e.getMessage());
  }

  @Test
  void settingsAreValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerSettings.of(0.1).withBeta1(1.2));
    assertEquals("beta1 = 1.2: must be in [0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of(0.1).withBeta2(1));
    assertEquals("beta2 = 1.0: must be in [0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of(0.1).withEpsilon(-1e-8));
    assertEquals("epsilon = -1.0E-8: must be positive and finite (typically 1e-8)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of(0.1).withWeightDecay(-1));
    assertEquals("weightDecay = -1.0: must be non-negative and finite", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of(-0.1));
    assertEquals("learningRate = -0.1: must be positive and finite", e.getMessage());
  }

  @Test
  void updateWithAStateFromAnotherTransformNamesTheMissingSlot() {
    Parameters params = new Parameters(OptimizerFixture.start());
    State gdState = Optimizers.gd(0.1).init(params);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Optimizers.adam(0.1).update(params, gdState, new Clock()));
    assertEquals("optimizer state has no slot 'v'; was init() called with this transform?", e.getMessage());
  }
}
