package dev.descent.bench;

import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.TrainingConfig;
import java.util.List;

/**
 * The course's small-network experiments as benchmark workloads, float32, He initialization
 * (seed 3), relu hidden layers and a sigmoid output with binary cross-entropy:
 *
 * <pre>
 * optimization-gd    moons(300, noise 0.2, seed 3), [2,5,2,1], mini-batch 64, GD lr 0.0007, 10 000 epochs
 * optimization-adam  the same with Adam lr 0.0007 (β1 0.9, β2 0.999, ε 1e-8)
 * init-he            circles(300, noise 0.05, factor 0.8, seed 1), [2,10,5,1], full batch,
 *                    GD lr 0.01, 15 000 iterations
 * </pre>
 *
 * <pre>{@code
 * CourseWorkload w = CourseWorkload.of("init-he");
 * new Trainer(w.network(), w.transform(), w.config(w.epochs())).fit(w.train(), null, List.of());
 * }</pre>
 *
 * @param batchSize examples per step, or {@link TrainingConfig#FULL_BATCH}
 * @param epochs the course's length (full batch: iterations)
 * @param quickEpochs the smoke-test length (the Python references' {@code --quick})
 */
public record CourseWorkload(String name, Dataset train, List<Integer> hidden, GradientTransform transform,
    int batchSize, int epochs, int quickEpochs) {
  /** The workloads, in the order the suite runs them. */
  public static final List<String> NAMES = List.of("optimization-gd", "optimization-adam", "init-he");

  public static CourseWorkload of(String name) {
    return switch (name) {
      case "optimization-gd" -> new CourseWorkload(name, moons(), List.of(5, 2), Optimizers.gd(0.0007), 64, 10_000, 500);
      case "optimization-adam" -> new CourseWorkload(name, moons(), List.of(5, 2), Optimizers.adam(0.0007), 64, 10_000,
          500);
      case "init-he" -> new CourseWorkload(name, Generators.circles(300, 0.05, 0.8, Rng.of(1)), List.of(10, 5),
          Optimizers.gd(0.01), TrainingConfig.FULL_BATCH, 15_000, 1_500);
      default -> throw new IllegalArgumentException("course workload '" + name + "' is unknown; expected one of "
          + String.join(", ", NAMES));
    };
  }

  private static Dataset moons() {
    return Generators.moons(300, 0.2, Rng.of(3));
  }

  /** A freshly initialized network: the same weights on every call. */
  public Network network() {
    NetworkBuilder b = Network.builder(train.featureCount(), Precision.F32, Rng.of(3));
    for (int units : hidden) {
      b.dense(units, Init.he()).activation(Activation.RELU);
    }
    return b.dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
  }

  /** Training for {@code epochs} epochs (full-batch: iterations), shuffle seed 1, no dev evaluation. */
  public TrainingConfig config(int epochs) {
    return new TrainingConfig(epochs, batchSize, 1, false);
  }

  /** Examples per step: the batch size, or all of them for full-batch training. */
  public int stepSize() {
    return batchSize == TrainingConfig.FULL_BATCH ? train.size() : Math.min(batchSize, train.size());
  }

  /** A fresh network with the training rows in float32, for a {@link StepLoop}. */
  public Problem problem() {
    Network net = network();
    return new Problem(name, net, transform, train.features().to(net.precision()),
        train.targets().to(net.precision()), stepSize());
  }
}
