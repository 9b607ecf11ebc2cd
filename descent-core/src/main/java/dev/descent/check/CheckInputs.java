package dev.descent.check;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Variable;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Layer;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.nn.Stochastic;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What {@link GradientCheck} accepts, and the float64 copy of a network it checks. */
final class CheckInputs {
  private CheckInputs() {}

  /**
   * A float64 copy of {@code network} ({@code network.to(Precision.F64)}) with every random layer
   * replaced by its deterministic version. The copy multiplies with {@code Gemm.auto()}.
   */
  static Network deterministicF64(Network network) {
    Network f64 = network.to(Precision.F64);
    // the copy's masks generator is never drawn from: every random layer is replaced below
    NetworkBuilder builder = Network.builder(network.inputs(), Precision.F64, Rng.of(0)).loss(network.loss());
    for (Layer layer : f64.layers()) {
      builder.layer(layer instanceof Stochastic s ? s.deterministic() : layer);
    }
    for (CostTerm term : network.costTerms()) {
      builder.costTerm(term);
    }
    return builder.build();
  }

  /** Whether {@code network} has a layer that is random in training (dropout below keepProb 1). */
  static boolean hasRandomLayers(Network network) {
    for (Layer layer : network.layers()) {
      if (layer instanceof Stochastic s && s.deterministic() != s) {
        return true;
      }
    }
    return false;
  }

  /** For each parameter, the index of the first op that reads it. */
  static int[] firstUses(Op[] ops, Variable[] parameters) {
    Map<Variable, Integer> first = new IdentityHashMap<>();
    for (int i = ops.length - 1; i >= 0; i--) {
      for (Variable v : ops[i].inputs()) {
        first.put(v, i);
      }
    }
    int[] out = new int[parameters.length];
    for (int p = 0; p < parameters.length; p++) {
      Integer at = first.get(parameters[p]);
      if (at == null) {
        throw new IllegalArgumentException("parameter '" + parameters[p].name()
            + "' is not used by any op up to the cost; check only parameters the cost depends on");
      }
      out[p] = at;
    }
    return out;
  }

  static void requireCost(Variable cost, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("cost '" + cost.name() + "' is not the output of an op on this tape; "
          + "record the cost on the tape you check");
    }
    if (cost.value().size() != 1) {
      throw new IllegalArgumentException("cost '" + cost.name() + "' is " + cost.value().shape()
          + ": must be 1×1; reduce it with a sum or mean op");
    }
    if (cost.value().precision() != Precision.F64) {
      throw new IllegalArgumentException("cost '" + cost.name() + "' is " + cost.value().precision()
          + ": gradient checks need F64 (ε = 1e-7 drowns in float32 rounding); convert with network.to(Precision.F64)");
    }
    if (!cost.needsGrad()) {
      throw new IllegalArgumentException("cost '" + cost.name() + "' depends on no parameter; nothing to check");
    }
  }

  static void requireParameters(List<Variable> parameters) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("no parameters to check; pass the parameters the cost depends on");
    }
    Map<Variable, Boolean> seen = new IdentityHashMap<>();
    for (Variable v : parameters) {
      if (v.kind() != Variable.Kind.PARAMETER) {
        throw new IllegalArgumentException("'" + v.name() + "' is a " + v.kind().name().toLowerCase()
            + ", not a parameter; only parameters are checked");
      }
      if (v.value().precision() != Precision.F64) {
        throw new IllegalArgumentException("parameter '" + v.name() + "' is " + v.value().precision()
            + ": gradient checks need F64 (ε = 1e-7 drowns in float32 rounding); convert with network.to(Precision.F64)");
      }
      if (seen.put(v, Boolean.TRUE) != null) {
        throw new IllegalArgumentException("parameter '" + v.name() + "' is listed twice; list each parameter once");
      }
    }
  }

  static void requireData(Network network, Matrix features, Matrix targets) {
    if (features.rows() != targets.rows()) {
      throw new IllegalArgumentException("gradient check: features have " + features.rows() + " rows but targets have "
          + targets.rows() + "; give one target row per example");
    }
    if (features.rows() == 0) {
      throw new IllegalArgumentException("gradient check: no examples; give at least one row (a few dozen are enough)");
    }
    if (features.cols() != network.inputs()) {
      throw new IllegalArgumentException("gradient check: features have " + features.cols()
          + " columns but the network takes " + network.inputs() + " inputs");
    }
    if (targets.cols() != network.outputs()) {
      throw new IllegalArgumentException("gradient check: targets have " + targets.cols()
          + " columns but the network has " + network.outputs() + (network.outputs() == 1 ? " output" : " outputs"));
    }
  }
}
