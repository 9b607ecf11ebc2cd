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
  /** The gradients that backward zeroes: those no op overwrites; see {@link #planGradientWrites}. */
  private final List<Variable> zeroed = new ArrayList<>();
  private int plannedOps = -1;
  private Variable plannedCost;

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
   * Fills the gradient of every variable on this tape with d(cost)/d(variable), replacing what
   * they held, so parameters shared by two tapes get this tape's gradient only. A gradient is
   * either zeroed first or written (not added to) by the op that gives it its first
   * contribution, when that op can (see {@link Op#canOverwriteGrad}).
   */
  public void backward(Variable cost) {
    if (!cost.needsGrad()) {
      throw new IllegalArgumentException("'" + cost.name() + "' depends on no parameter; nothing to differentiate");
    }
    if (plannedOps != ops.size() || plannedCost != cost) {
      planGradientWrites(cost);
    }
    for (int i = 0, n = zeroed.size(); i < n; i++) {
      zeroed.get(i).grad().fill(0);
    }
    cost.grad().fill(1);
    for (int i = ops.size() - 1; i >= 0; i--) {
      Op op = ops.get(i);
      if (op.output().needsGrad()) {
        op.backward();
      }
    }
  }

  /**
   * Walks the ops in backward order and offers each gradient's first contribution to the op
   * that makes it: an op that can overwrite it (a product with beta = 0) spares the zeroing pass
   * and the read of zeros. The cost's own gradient is seeded, never overwritten.
   */
  private void planGradientWrites(Variable cost) {
    Map<Variable, Boolean> written = new IdentityHashMap<>();
    written.put(cost, Boolean.FALSE);
    for (int i = ops.size() - 1; i >= 0; i--) {
      Op op = ops.get(i);
      op.clearFirstWrites();
      if (!op.output().needsGrad()) {
        continue;
      }
      List<Variable> inputs = op.inputs();
      for (int j = 0; j < inputs.size(); j++) {
        Variable v = inputs.get(j);
        if (v.needsGrad() && !written.containsKey(v)) {
          written.put(v, op.offerFirstWrite(j));
        }
      }
    }
    zeroed.clear();
    for (Variable v : withGrad) {
      if (!Boolean.TRUE.equals(written.get(v))) {
        zeroed.add(v);
      }
    }
    plannedOps = ops.size();
    plannedCost = cost;
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
