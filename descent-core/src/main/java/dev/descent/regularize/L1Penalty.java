package dev.descent.regularize;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.CostTerm;
import java.util.List;

/**
 * L1 regularization: adds {@code λ/(2m) · Σ_l Σ_ij |W[l]_ij|} to the training cost, so backprop
 * adds {@code (λ/(2m))·sign(W[l])} to dW[l] (sign(0) = 0). The 1/(2m) follows the course's L2 and
 * the golden fixture {@code dense_binary.json} ({@code l1}); some texts use λ/m. Biases are not
 * regularized. Recorded as a {@link WeightPenalty} op on training tapes only.
 *
 * <pre>{@code
 * new L1Penalty(0.1).describe();   // "l1(lambda=0.1)"
 * }</pre>
 */
public record L1Penalty(double lambda) implements CostTerm {
  public L1Penalty {
    L2Penalty.requireLambda("L1", lambda);
  }

  @Override
  public Variable apply(Tape tape, List<Variable> weights, int m) {
    return tape.record(new WeightPenalty(WeightPenalty.Norm.ABSOLUTE, lambda / (2.0 * m), weights));
  }

  @Override
  public String describe() {
    return "l1(lambda=" + lambda + ")";
  }
}
