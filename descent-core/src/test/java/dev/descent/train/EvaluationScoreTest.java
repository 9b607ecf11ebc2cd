package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score read in place against the full evaluation, for networks that run as one DenseStack. */
class EvaluationScoreTest {

  @Test
  void smallClassifierScoresAsTheFullEvaluation() {
    Dataset train = Generators.moons(300, 0.2, Rng.of(3));
    Dataset dev = Generators.moons(1100, 0.2, Rng.of(4));  // two chunks of rows: 1 024 and 76
    Network net = Network.builder(2, Precision.F32, Rng.of(3))
        .dense(5, Init.he()).activation(Activation.RELU)
        .dense(2, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(20, 64, 1, false)).fit(train, null, List.of());
    assertTrue(net.stacked(), "the course net runs as one DenseStack");
    Evaluation full = Evaluation.of(net, dev);
    Evaluation.Score score = Evaluation.score(net, dev);
    assertEquals(full.cost(), score.cost(), 0.0);
    assertEquals(full.accuracy(), score.accuracy(), 0.0);
    assertTrue(score.accuracy() > 0.75 && score.accuracy() < 1, "a trained, imperfect classifier: " + score.accuracy());
  }

  @Test
  void smallRegressionScoresAsTheFullEvaluation() {
    Rng rng = Rng.of(7);
    Matrix x = Matrix.zeros(Precision.F64, 90, 3);
    Matrix y = Matrix.zeros(Precision.F64, 90, 1);
    for (int i = 0; i < 90; i++) {
      double s = 0;
      for (int j = 0; j < 3; j++) {
        double v = rng.nextGaussian();
        x.set(i, j, v);
        s += (j + 1) * v;
      }
      y.set(i, 0, s + 0.1 * rng.nextGaussian());
    }
    Dataset data = new Dataset("linear", x, y, List.of(), List.of("x1", "x2", "x3"));
    Network net = Network.builder(3, Precision.F32, Rng.of(3))
        .dense(4, Init.he()).activation(Activation.TANH)
        .dense(1, Init.he()).loss(Loss.MEAN_SQUARED_ERROR).build();
    new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(5, 32, 1, false)).fit(data, null, List.of());
    Evaluation full = Evaluation.of(net, data);
    Evaluation.Score score = Evaluation.score(net, data);
    assertEquals(full.cost(), score.cost(), 0.0);
    assertEquals(Double.NaN, score.accuracy());
    assertTrue(score.cost() > 0.01, "an unfinished fit: " + score.cost());
  }
}
