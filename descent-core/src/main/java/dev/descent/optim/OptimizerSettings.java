package dev.descent.optim;

/**
 * The numbers the CLI collects for {@link Optimizers#parse}: the learning rate (a schedule),
 * {@code beta1} (the weight of the old gradient average: momentum's and Nesterov's β, Adam's
 * β1), {@code beta2} (the weight of the old squared-gradient average: RMSprop's β, Adam's β2),
 * {@code epsilon} and AdamW's {@code weightDecay}. Validated at construction.
 *
 * <p>Defaults, here only: β1 = 0.9, β2 = 0.999 (so RMSprop's course default), ε = 1e-8, weight
 * decay 0.01 (PyTorch's AdamW default).
 *
 * <pre>{@code
 * OptimizerSettings s = OptimizerSettings.of(0.01).withBeta2(0.9);
 * Optimizers.parse("rmsprop", s);   // RMSprop with β = 0.9
 * }</pre>
 */
public record OptimizerSettings(Schedule learningRate, double beta1, double beta2, double epsilon,
    double weightDecay) {
  public static final double BETA1 = 0.9;
  public static final double BETA2 = 0.999;
  public static final double EPSILON = 1e-8;
  public static final double WEIGHT_DECAY = 0.01;

  public OptimizerSettings {
    if (learningRate == null) {
      throw new IllegalArgumentException("learningRate = null: give a schedule, e.g. Schedule.constant(0.01)");
    }
    Ewa.checkBeta(beta1, "beta1");
    Ewa.checkBeta(beta2, "beta2");
    Kernels.checkEpsilon(epsilon);
    AddDecayedWeights.checkWeightDecay(weightDecay);
  }

  /** The defaults with a schedule. */
  public static OptimizerSettings of(Schedule learningRate) {
    return new OptimizerSettings(learningRate, BETA1, BETA2, EPSILON, WEIGHT_DECAY);
  }

  /** The defaults with a constant learning rate. */
  public static OptimizerSettings of(double learningRate) {
    return of(Schedule.constant(learningRate));
  }

  public OptimizerSettings withLearningRate(Schedule schedule) {
    return new OptimizerSettings(schedule, beta1, beta2, epsilon, weightDecay);
  }

  public OptimizerSettings withBeta1(double beta) {
    return new OptimizerSettings(learningRate, beta, beta2, epsilon, weightDecay);
  }

  public OptimizerSettings withBeta2(double beta) {
    return new OptimizerSettings(learningRate, beta1, beta, epsilon, weightDecay);
  }

  public OptimizerSettings withEpsilon(double eps) {
    return new OptimizerSettings(learningRate, beta1, beta2, eps, weightDecay);
  }

  public OptimizerSettings withWeightDecay(double decay) {
    return new OptimizerSettings(learningRate, beta1, beta2, epsilon, decay);
  }
}
