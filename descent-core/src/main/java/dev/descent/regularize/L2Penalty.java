package dev.descent.regularize;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.CostTerm;
import java.util.List;

/**
 * L2 regularization ("weight decay" in the course's sense): adds {@code λ/(2m) · Σ_l ‖W[l]‖²_F} to
 * the training cost, so backprop adds {@code (λ/m)·W[l]} to dW[l]. Biases are not regularized.
 * Recorded as a {@link WeightPenalty} op on training tapes only.
 *
 * <pre>{@code
 * Network net = Network.builder(2, Precision.F32, rng) ... .costTerm(new L2Penalty(0.7)).build();
 * new L2Penalty(0.7).describe();   // "l2(lambda=0.7)"
 * }</pre>
 */
public record L2Penalty(double lambda) implements CostTerm {
  public L2Penalty {
    requireLambda("L2", lambda);
  }

  @Override
  public Variable apply(Tape tape, List<Variable> weights, int m) {
    return tape.record(new WeightPenalty(WeightPenalty.Norm.SQUARED, lambda / (2.0 * m), weights));
  }

  @Override
  public String describe() {
    return "l2(lambda=" + lambda + ")";
  }

  /** One message for L1 and L2; written as !(…) so that NaN fails too. */
  static void requireLambda(String which, double lambda) {
    if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(which + " lambda = " + lambda
          + ": must be a finite number ≥ 0 (0 turns the penalty off); the course uses values such as 0.7");
    }
  }
}
