package dev.descent.optim;

/**
 * Decoupled weight decay: {@code g ← g + weightDecay·W}, with W the parameter before this
 * update. Placed after an adaptive scaling and before the learning rate it gives AdamW, whose
 * step is {@code −lr·(v̂/(√ŝ + ε) + weightDecay·W)} (Loshchilov &amp; Hutter). It applies to
 * every parameter, biases included, as the golden fixture does.
 *
 * <p>Not the course's L2 cost term λ/2m·‖W‖², which enters the gradient before Adam rescales it.
 *
 * <pre>{@code
 * chain(new ScaleByAdam(0.9, 0.999, 1e-8), new AddDecayedWeights(0.01), scaleByLearningRate(1e-3))
 * }</pre>
 */
public record AddDecayedWeights(double weightDecay) implements GradientTransform {
  public AddDecayedWeights {
    checkWeightDecay(weightDecay);
  }

  /** Validates a decoupled weight decay: non-negative and finite. */
  static double checkWeightDecay(double weightDecay) {
    if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
      throw new IllegalArgumentException("weightDecay = " + weightDecay + ": must be non-negative and finite");
    }
    return weightDecay;
  }

  @Override
  public State init(Parameters params) {
    return State.empty();
  }

  // no allocation after the first step
  @Override
  public void update(Parameters params, State state, Clock clock) {
    for (int i = 0; i < params.size(); i++) {
      Kernels.addScaled(params.grad(i), params.value(i), weightDecay);
    }
  }

  @Override
  public String describe() {
    return "add_decayed_weights(weight_decay=" + weightDecay + ")";
  }
}
