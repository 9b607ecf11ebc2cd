package dev.descent.train;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.data.Standardizer;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Blas;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A training whose products are large enough for OpenBLAS (64 hidden units, batches of 128: too
 * wide for the small-network step), for {@link JavaProductsTest}; run in a JVM of its own, since
 * the choice of products is made once per process. Prints the costs per epoch, the parameters,
 * {@link Blas#describe()} and the native libraries JavaCPP loaded, one line each.
 */
public final class SpiralRun {
  private SpiralRun() {}

  /** The costs of each epoch, then the parameters' values. */
  static List<double[]> train() {
    Dataset data = Generators.spiral(600, 3, 0.2, Rng.of(7));
    Dataset train = Standardizer.fit(data.features()).apply(data);
    Network net = Network.builder(2, Precision.F32, Rng.of(1))
        .dense(64, Init.he()).activation(Activation.RELU)
        .dense(3, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    History history = new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(15, 128, 1, false))
        .fit(train, null, List.of());
    List<Double> values = new ArrayList<>();
    for (Variable p : net.parameters()) {
      for (double v : p.value().toArray()) {
        values.add(v);
      }
    }
    return List.of(history.trainCost(), values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public static void main(String[] args) {
    for (double[] line : train()) {
      StringJoiner joined = new StringJoiner(",");
      for (double v : line) {
        joined.add(Double.toString(v));
      }
      System.out.println(joined);
    }
    System.out.println(Blas.describe());
    System.out.println(org.bytedeco.javacpp.Loader.getLoadedLibraries().keySet());
  }
}
