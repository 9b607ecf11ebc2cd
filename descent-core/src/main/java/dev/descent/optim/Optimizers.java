package dev.descent.optim;

import static dev.descent.optim.Transforms.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * The named optimizers of the course, each a {@link Chain} of small transforms ending in
 * "scale by −learning rate". Every recipe takes a {@link Schedule} or a constant learning rate;
 * the defaults are those of {@link OptimizerSettings}.
 *
 * <pre>
 * gd        g → −lr·g
 * momentum  v = β·v + (1−β)·g                      → −lr·v
 * nesterov  v as momentum                          → −lr·(β·v + (1−β)·g)
 * rmsprop   s = β·s + (1−β)·g²                     → −lr·g/(√s + ε)
 * adagrad   s = s + g²                             → −lr·g/(√s + ε)
 * adam      v, s as above with β1, β2, corrected   → −lr·v̂/(√ŝ + ε)
 * adamw     adam                                   → −lr·(v̂/(√ŝ + ε) + weightDecay·W)
 * </pre>
 *
 * <pre>{@code
 * Optimizer opt = new Optimizer(Optimizers.adam(1e-3), network.parameters());
 * Optimizers.momentum(0.01, 0.9).describe()
 * // scale_by_momentum(beta=0.9) → scale_by_learning_rate(constant(lr0=0.01))
 * }</pre>
 */
public final class Optimizers {
  /** The names {@link #parse} accepts. */
  public static final List<String> NAMES =
      List.of("gd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw");

  private Optimizers() {}

  public static GradientTransform gd(Schedule learningRate) {
    return chain(Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform gd(double learningRate) {
    return gd(Schedule.constant(learningRate));
  }

  public static GradientTransform momentum(Schedule learningRate, double beta) {
    return chain(new ScaleByMomentum(beta), Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform momentum(double learningRate, double beta) {
    return momentum(Schedule.constant(learningRate), beta);
  }

  public static GradientTransform momentum(double learningRate) {
    return momentum(learningRate, OptimizerSettings.BETA1);
  }

  public static GradientTransform nesterov(Schedule learningRate, double beta) {
    return chain(new ScaleByNesterov(beta), Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform nesterov(double learningRate, double beta) {
    return nesterov(Schedule.constant(learningRate), beta);
  }

  public static GradientTransform nesterov(double learningRate) {
    return nesterov(learningRate, OptimizerSettings.BETA1);
  }

  /** The course's RMSprop: no bias correction. */
  public static GradientTransform rmsprop(Schedule learningRate, double beta, double epsilon) {
    return chain(new ScaleByRms(beta, epsilon, false), Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform rmsprop(double learningRate, double beta, double epsilon) {
    return rmsprop(Schedule.constant(learningRate), beta, epsilon);
  }

  public static GradientTransform rmsprop(double learningRate) {
    return rmsprop(learningRate, OptimizerSettings.BETA2, OptimizerSettings.EPSILON);
  }

  public static GradientTransform adagrad(Schedule learningRate, double epsilon) {
    return chain(new ScaleByAdagrad(epsilon), Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform adagrad(double learningRate, double epsilon) {
    return adagrad(Schedule.constant(learningRate), epsilon);
  }

  public static GradientTransform adagrad(double learningRate) {
    return adagrad(learningRate, OptimizerSettings.EPSILON);
  }

  public static GradientTransform adam(Schedule learningRate, double beta1, double beta2, double epsilon) {
    return chain(new ScaleByAdam(beta1, beta2, epsilon), Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform adam(double learningRate, double beta1, double beta2, double epsilon) {
    return adam(Schedule.constant(learningRate), beta1, beta2, epsilon);
  }

  public static GradientTransform adam(double learningRate) {
    return adam(learningRate, OptimizerSettings.BETA1, OptimizerSettings.BETA2, OptimizerSettings.EPSILON);
  }

  /** Adam, then decoupled weight decay (on every parameter), then the learning rate. */
  public static GradientTransform adamw(Schedule learningRate, double beta1, double beta2, double epsilon,
      double weightDecay) {
    return chain(new ScaleByAdam(beta1, beta2, epsilon), new AddDecayedWeights(weightDecay),
        Transforms.scaleByLearningRate(learningRate));
  }

  public static GradientTransform adamw(double learningRate, double beta1, double beta2, double epsilon,
      double weightDecay) {
    return adamw(Schedule.constant(learningRate), beta1, beta2, epsilon, weightDecay);
  }

  public static GradientTransform adamw(double learningRate, double weightDecay) {
    return adamw(learningRate, OptimizerSettings.BETA1, OptimizerSettings.BETA2, OptimizerSettings.EPSILON,
        weightDecay);
  }

  /**
   * The optimizer called {@code name} with {@code settings}. Momentum and Nesterov take beta1 as
   * their β, RMSprop beta2. A setting changed from its default that the optimizer does not use is
   * an error rather than silently ignored.
   */
  public static GradientTransform parse(String name, OptimizerSettings settings) {
    Schedule lr = settings.learningRate();
    switch (name) {
      case "gd":
        uses(name, settings);
        return gd(lr);
      case "momentum":
        uses(name, settings, "beta1");
        return momentum(lr, settings.beta1());
      case "nesterov":
        uses(name, settings, "beta1");
        return nesterov(lr, settings.beta1());
      case "rmsprop":
        uses(name, settings, "beta2", "epsilon");
        return rmsprop(lr, settings.beta2(), settings.epsilon());
      case "adagrad":
        uses(name, settings, "epsilon");
        return adagrad(lr, settings.epsilon());
      case "adam":
        uses(name, settings, "beta1", "beta2", "epsilon");
        return adam(lr, settings.beta1(), settings.beta2(), settings.epsilon());
      case "adamw":
        uses(name, settings, "beta1", "beta2", "epsilon", "weightDecay");
        return adamw(lr, settings.beta1(), settings.beta2(), settings.epsilon(), settings.weightDecay());
      default:
        throw new IllegalArgumentException("optimizer '" + name + "' is unknown; expected one of "
            + String.join("|", NAMES));
    }
  }

  /** Throws when a setting outside {@code used} differs from its default. */
  private static void uses(String name, OptimizerSettings s, String... used) {
    List<String> takes = new ArrayList<>(List.of("learningRate"));
    takes.addAll(List.of(used));
    List<String> given = new ArrayList<>();
    double[] values = {s.beta1(), s.beta2(), s.epsilon(), s.weightDecay()};
    double[] defaults = {OptimizerSettings.BETA1, OptimizerSettings.BETA2, OptimizerSettings.EPSILON,
        OptimizerSettings.WEIGHT_DECAY};
    String[] names = {"beta1", "beta2", "epsilon", "weightDecay"};
    for (int k = 0; k < names.length; k++) {
      if (!takes.contains(names[k]) && values[k] != defaults[k]) {
        given.add(names[k] + " = " + values[k]);
      }
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("optimizer " + name + " does not use " + String.join(", ", given)
          + "; it takes " + String.join(", ", takes));
    }
  }
}
