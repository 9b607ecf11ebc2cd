package dev.descent.autodiff;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded program of {@link Op}s that can be replayed forward and differentiated backward.
 *
 * <p>Recording runs the op once; {@link #forward()} and {@link #backward(Variable)} then replay
 * the same ops on the same buffers. After the first step nothing is allocated here.
 */
public final class Tape {
  private final List<Op> ops = new ArrayList<>();
  private final List<Variable> withGrad = new ArrayList<>();
  private final Map<Variable, Boolean> known = new IdentityHashMap<>();

  /** Appends {@code op}, runs it once, and returns its output. */
  public Variable record(Op op) {
    for (Variable v : op.inputs()) {
      remember(v);
    }
    remember(op.output());
    ops.add(op);
    op.forward();
    return op.output();
  }

  private void remember(Variable v) {
    if (v.needsGrad() && known.put(v, Boolean.TRUE) == null) {
      withGrad.add(v);
    }
  }

  /** Re-runs every op in order; placeholders keep whatever was last fed. */
  public void forward() {
    for (int i = 0, n = ops.size(); i < n; i++) {
      ops.get(i).forward();
    }
  }

  /**
   * Fills the gradient of every variable on this tape with d(cost)/d(variable). The gradients
   * are zeroed first, so parameters shared by two tapes get this tape's gradient only.
   */
  public void backward(Variable cost) {
    if (!cost.needsGrad()) {
      throw new IllegalArgumentException("'" + cost.name() + "' depends on no parameter; nothing to differentiate");
    }
    for (int i = 0, n = withGrad.size(); i < n; i++) {
      withGrad.get(i).grad().fill(0);
    }
    cost.grad().fill(1);
    for (int i = ops.size() - 1; i >= 0; i--) {
      Op op = ops.get(i);
      if (op.output().needsGrad()) {
        op.backward();
      }
    }
  }

  public List<Op> ops() {
    return List.copyOf(ops);
  }

  /** The parameters that this tape's cost depends on, in the order they were first used. */
  public List<Variable> parameters() {
    List<Variable> out = new ArrayList<>();
    for (Variable v : withGrad) {
      if (v.kind() == Variable.Kind.PARAMETER) {
        out.add(v);
      }
    }
    return out;
  }
}
