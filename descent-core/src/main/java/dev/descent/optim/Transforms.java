package dev.descent.optim;

/**
 * Factories for the gradient transforms, optax style: each is one small stage, and an optimizer
 * is a {@link #chain} of them (see {@link Optimizers} for the named recipes).
 *
 * <pre>{@code
 * GradientTransform adamW = chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(0.01),
 *     scaleByLearningRate(1e-3));
 * }</pre>
 */
public final class Transforms {
  private Transforms() {}

  /** Applies {@code stages} in order; the state is one child per stage. */
  public static GradientTransform chain(GradientTransform... stages) {
    return new Chain(java.util.List.of(stages));
  }

  /** {@code g ← −lr(t)·g}. */
  public static GradientTransform scaleByLearningRate(Schedule schedule) {
    return new ScaleByLearningRate(schedule);
  }

  /** {@code g ← −lr·g} with a constant learning rate. */
  public static GradientTransform scaleByLearningRate(double learningRate) {
    return new ScaleByLearningRate(Schedule.constant(learningRate));
  }

  /** The course's momentum direction {@code v ← β·v + (1−β)·g; g ← v}: an EWA of the gradients. */
  public static GradientTransform ewa(double beta) {
    return scaleByMomentum(beta);
  }

  /** See {@link ScaleByMomentum}. */
  public static GradientTransform scaleByMomentum(double beta) {
    return new ScaleByMomentum(beta);
  }

  /** See {@link ScaleByNesterov}. */
  public static GradientTransform scaleByNesterov(double beta) {
    return new ScaleByNesterov(beta);
  }

  /** See {@link ScaleByRms}. */
  public static GradientTransform scaleByRms(double beta, double epsilon, boolean biasCorrection) {
    return new ScaleByRms(beta, epsilon, biasCorrection);
  }

  /** See {@link ScaleByAdagrad}. */
  public static GradientTransform scaleByAdagrad(double epsilon) {
    return new ScaleByAdagrad(epsilon);
  }

  /** See {@link ScaleByAdam}. */
  public static GradientTransform scaleByAdam(double beta1, double beta2, double epsilon) {
    return new ScaleByAdam(beta1, beta2, epsilon);
  }

  /** See {@link AddDecayedWeights}. */
  public static GradientTransform addDecayedWeights(double weightDecay) {
    return new AddDecayedWeights(weightDecay);
  }
}
