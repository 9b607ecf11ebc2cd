package dev.descent.optim;

/**
 * One stage of an optimizer: it turns gradients into steps (or into the input of the next
 * stage). Implementations are immutable configurations; everything that changes lives in the
 * {@link State} that {@link #init} creates.
 */
public interface GradientTransform {

  /** Allocates this transform's moments for {@code params}, once. */
  State init(Parameters params);

  /** Rewrites every {@code params.grad(i)} in place; allocates nothing. */
  void update(Parameters params, State state, Clock clock);

  /** The form the CLI accepts, e.g. {@code scale_by_adam(beta1=0.9, beta2=0.999, epsilon=1e-08)}. */
  String describe();
}
