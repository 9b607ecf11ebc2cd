package dev.descent.nn;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import java.util.List;

/** A term added to the training cost, such as an L2 penalty; recorded on the training tape only. */
public interface CostTerm {

  /** Records the term for the network's weight matrices and a batch of m examples; returns a 1×1 variable. */
  Variable apply(Tape tape, List<Variable> weights, int m);

  /** E.g. {@code l2(lambda=0.7)}. */
  String describe();
}
