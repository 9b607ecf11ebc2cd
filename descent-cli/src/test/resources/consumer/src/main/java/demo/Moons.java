package demo;

import dev.descent.data.Dataset;
import dev.descent.data.Standardizer;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.List;

/** An application that trains a network with descent-core and reports its test accuracy. */
public final class Moons {
  private Moons() {}

  public static double trainAndScore() {
    Dataset train = Generators.moons(300, 0.2, Rng.of(3));
    Dataset test = Generators.moons(100, 0.2, Rng.of(4));
    Standardizer standardizer = Standardizer.fit(train.features());
    Network net = Network.builder(2, Precision.F32, Rng.of(1))
        .dense(20, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(200, 64, 1, false))
        .fit(standardizer.apply(train), null, List.of());
    return Evaluation.of(net, standardizer.apply(test)).accuracy();
  }

  public static void main(String[] args) {
    System.out.printf("test accuracy %.2f%n", trainAndScore());
  }
}
