package dev.descent.run;

import dev.descent.optim.GradientTransform;
import dev.descent.optim.Schedule;
import dev.descent.optim.Transforms;
import java.util.List;

/**
 * An optimizer as the command line names it: a name, a learning rate, the averaging weights,
 * ε, weight decay and an optional schedule. {@link #build()} turns it into the transform chain.
 *
 * @param beta momentum's or RMSprop's β; null for the optimizer's own default
 */
public record OptimizerSpec(String name, double learningRate, Double beta, double beta1, double beta2,
    double epsilon, double weightDecay, String schedule) {

  public static final List<String> NAMES = List.of("gd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw");

  public OptimizerSpec {
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("--lr " + learningRate + ": the learning rate must be positive, e.g. --lr 0.001");
    }
  }

  public static OptimizerSpec of(String name, double learningRate) {
    return new OptimizerSpec(name, learningRate, null, 0.9, 0.999, 1e-8, 0, null);
  }

  public GradientTransform build() {
    Schedule lr = Schedule.constant(learningRate);
    return switch (name.toLowerCase()) {
      case "gd" -> Transforms.chain(Transforms.scaleByLearningRate(lr));
      case "momentum" -> Transforms.chain(Transforms.ewa(beta == null ? 0.9 : beta), Transforms.scaleByLearningRate(lr));
      default -> throw new IllegalArgumentException("--optimizer " + name + ": unknown optimizer; expected one of " + String.join(", ", NAMES));
    };
  }
}
