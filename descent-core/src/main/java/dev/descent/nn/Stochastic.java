package dev.descent.nn;

/**
 * A layer that draws random numbers in {@link Mode#TRAIN} (dropout). A gradient check replaces
 * it by {@link #deterministic()}, because a fresh mask on each of the two evaluations of a
 * centered difference would measure the noise, not the slope.
 *
 * <pre>{@code
 * Layer off = Dropout.keep(0.8).deterministic();   // the identity
 * }</pre>
 */
public interface Stochastic extends Layer {

  /** The same layer without randomness (dropout: the identity); {@code this} when it already is. */
  Layer deterministic();
}
