package dev.descent.check;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Layer;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.nn.Plan;
import dev.descent.nn.Stochastic;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradient checking: compares backpropagation's gradient g with centered differences
 * {@code g̃_i = (J(θ+ε·e_i) − J(θ−ε·e_i)) / 2ε} (ε = 1e-7 by default) by the relative difference
 * {@code ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)}, read as a {@link Verdict}: ok below 1e-7, check below 1e-3,
 * bug from 1e-3. The report ranks the parameters by their own difference, worst first.
 *
 * <p>A network is checked on a float64 copy ({@code network.to(Precision.F64)}) with its
 * cost terms (L2, L1) included in J and its dropout switched off (the original network is not
 * touched; the report says {@code dropoutDisabled}). Any tape can be checked too, given its cost
 * and float64 parameters. Each θ entry is perturbed in place and only the ops from the first one
 * that reads the parameter to the cost are replayed: J(θ±ε) is exactly what a full replay gives,
 * and nothing is allocated per evaluation.
 *
 * <pre>{@code
 * GradientCheckReport r = GradientCheck.of(net, x, y).run();
 * r.verdict();   // OK (difference ≈ 4.5e-9 on the golden [4,5,3,1] net)
 * GradientCheck.of(net, x, y).directional(10, new Rng(1), CheckOptions.defaults()).verdict();
 * }</pre>
 *
 * <p>NOTE: ops that change state on each forward pass (dropout's fresh masks, batch norm's running
 * averages) make J(θ+ε) and J(θ−ε) differ by more than θ; that is why dropout is switched off.
 */
public final class GradientCheck {
  private final Tape tape;
  private final Op[] ops;
  private final Variable cost;
  private final Variable[] parameters;
  private final DoubleBuffer[] values;
  private final int[] firstUse;
  private final Matrix[] analytic;
  private final double[][] numerical;
  private final boolean dropoutDisabled;
  private final int entries;

  private GradientCheck(Tape tape, Variable cost, List<Variable> parameters, boolean dropoutDisabled) {
    List<Op> all = tape.ops();
    int last = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).output() == cost) {
        last = i;
      }
    }
    requireCost(cost, last);
    this.tape = tape;
    this.ops = all.subList(0, last + 1).toArray(new Op[0]);
    this.cost = cost;
    this.parameters = parameters.toArray(new Variable[0]);
    this.firstUse = firstUses(ops, this.parameters);
    this.values = new DoubleBuffer[this.parameters.length];
    this.analytic = new Matrix[this.parameters.length];
    this.numerical = new double[this.parameters.length][];
    int n = 0;
    for (int p = 0; p < this.parameters.length; p++) {
      Matrix value = this.parameters[p].value();
      values[p] = ((F64Matrix) value).data;
      analytic[p] = value.zerosLike();
      numerical[p] = new double[value.size()];
      n += value.size();
    }
    this.entries = n;
    this.dropoutDisabled = dropoutDisabled;
  }

  /**
   * A check of {@code network}'s training cost (data cost plus cost terms) on all rows of
   * {@code features} and {@code targets} as one batch, on a float64 copy without dropout.
   */
  public static GradientCheck of(Network network, Matrix features, Matrix targets) {
    requireData(network, features, targets);
    Network f64 = network.to(Precision.F64);
    // the copy's masks generator is never drawn from: every random layer is replaced below
    NetworkBuilder builder = Network.builder(network.inputs(), Precision.F64, new Rng(0)).loss(network.loss());
    boolean disabled = false;
    for (Layer layer : f64.layers()) {
      Layer use = layer;
      if (layer instanceof Stochastic s) {
        use = s.deterministic();
        disabled |= use != layer;
      }
      builder.layer(use);
    }
    for (CostTerm term : network.costTerms()) {
      builder.costTerm(term);
    }
    Network checked = builder.build();
    Plan plan = checked.plan(features.rows(), Mode.TRAIN);
    plan.load(features, targets, null, 0);
    return new GradientCheck(plan.tape(), plan.cost(), checked.parameters(), disabled);
  }

  /** {@link #of(Network, Matrix, Matrix)} on a data set's features and targets. */
  public static GradientCheck of(Network network, Dataset data) {
    return of(network, data.features(), data.targets());
  }

  /**
   * A check of any tape: {@code cost} is a 1×1 result recorded on {@code tape}, and
   * {@code parameters} are float64 parameters it depends on. Placeholders must be fed already.
   */
  public static GradientCheck of(Tape tape, Variable cost, List<Variable> parameters) {
    requireParameters(parameters);
    return new GradientCheck(tape, cost, parameters, false);
  }

  /** The full check with the default options (ε = 1e-7, no corruption). */
  public GradientCheckReport run() {
    return run(CheckOptions.defaults());
  }

  /** The full check: two evaluations of J per parameter entry. */
  public GradientCheckReport run(CheckOptions options) {
    analyticGradient(options.corruption());
    double eps = options.epsilon();
    for (int p = 0; p < parameters.length; p++) {
      DoubleBuffer theta = values[p];
      double[] approx = numerical[p];
      int from = firstUse[p];
      // no allocation in this loop: θ is perturbed in place and the tape replayed from its first use
      for (int k = 0; k < approx.length; k++) {
        double saved = theta.get(k);
        theta.put(k, saved + eps);
        double plus = costFrom(from);
        theta.put(k, saved - eps);
        double minus = costFrom(from);
        theta.put(k, saved);
        approx[k] = (plus - minus) / (2 * eps);
      }
    }
    tape.forward();
    return report(eps);
  }

  /**
   * The directional check: {@code directions} random unit vectors d over all parameter entries
   * (Gaussian, normalized, drawn from {@code rng}), comparing {@code (J(θ+εd) − J(θ−εd)) / 2ε}
   * with {@code g·d}: two evaluations per direction instead of two per entry.
   */
  public DirectionalCheckReport directional(int directions, Rng rng, CheckOptions options) {
    if (directions < 1) {
      throw new IllegalArgumentException("directions = " + directions + ": must be at least 1 (10 is plenty to catch a bug)");
    }
    analyticGradient(options.corruption());
    double eps = options.epsilon();
    double[][] theta0 = new double[parameters.length][];
    double[][] d = new double[parameters.length][];
    int from = Integer.MAX_VALUE;
    for (int p = 0; p < parameters.length; p++) {
      theta0[p] = parameters[p].value().toArray();
      d[p] = new double[theta0[p].length];
      from = Math.min(from, firstUse[p]);
    }
    double[] slopes = new double[directions];
    double[] approx = new double[directions];
    for (int r = 0; r < directions; r++) {
      slopes[r] = randomDirection(d, rng);
      perturb(theta0, d, eps);
      double plus = costFrom(from);
      perturb(theta0, d, -eps);
      double minus = costFrom(from);
      perturb(theta0, d, 0);
      approx[r] = (plus - minus) / (2 * eps);
    }
    tape.forward();
    double difference = ParameterDifference.relativeDifference(slopes, approx);
    return new DirectionalCheckReport(eps, difference, Verdict.of(difference), dropoutDisabled, slopes, approx);
  }

  /** Fills {@code d} with a random unit vector and returns {@code g·d} for the (corrupted) analytic g. */
  private double randomDirection(double[][] d, Rng rng) {
    double norm = 0;
    for (double[] part : d) {
      for (int k = 0; k < part.length; k++) {
        part[k] = rng.nextGaussian();
        norm += part[k] * part[k];
      }
    }
    norm = Math.sqrt(norm);
    double dot = 0;
    for (int p = 0; p < d.length; p++) {
      for (int k = 0; k < d[p].length; k++) {
        d[p][k] /= norm;
        dot += analytic[p].getFlat(k) * d[p][k];
      }
    }
    return dot;
  }

  /** θ = θ0 + step·d (step 0 restores θ0 exactly). */
  private void perturb(double[][] theta0, double[][] d, double step) {
    for (int p = 0; p < values.length; p++) {
      DoubleBuffer theta = values[p];
      for (int k = 0; k < theta0[p].length; k++) {
        theta.put(k, step == 0 ? theta0[p][k] : theta0[p][k] + step * d[p][k]);
      }
    }
  }

  /** Whether dropout layers were switched off for this check. */
  public boolean dropoutDisabled() {
    return dropoutDisabled;
  }

  /** The checked parameters, in order; for a network W1, b1, W2, … of its float64 copy. */
  public List<Variable> parameters() {
    return List.of(parameters);
  }

  private void analyticGradient(GradientCorruption corruption) {
    Set<String> names = new LinkedHashSet<>();
    for (Variable v : parameters) {
      names.add(v.name());
    }
    for (String target : corruption.targets()) {
      if (!names.contains(target)) {
        throw new IllegalArgumentException("gradient corruption names parameter '" + target
            + "', which is not checked; the parameters are " + String.join(", ", names));
      }
    }
    tape.forward();
    tape.backward(cost);
    for (int p = 0; p < parameters.length; p++) {
      analytic[p].copyFrom(parameters[p].grad());
      corruption.corrupt(parameters[p].name(), analytic[p]);
    }
  }

  private double costFrom(int from) {
    for (int i = from; i < ops.length; i++) {
      ops[i].forward();
    }
    return cost.value().getFlat(0);
  }

  private GradientCheckReport report(double eps) {
    List<ParameterDifference> ranked = new ArrayList<>();
    double[] g = new double[entries];
    double[] approx = new double[entries];
    int at = 0;
    for (int p = 0; p < parameters.length; p++) {
      Matrix value = parameters[p].value();
      double[] gp = analytic[p].toArray();
      ranked.add(ParameterDifference.of(parameters[p].name(), p, value.rows(), value.cols(), gp, numerical[p]));
      System.arraycopy(gp, 0, g, at, gp.length);
      System.arraycopy(numerical[p], 0, approx, at, gp.length);
      at += gp.length;
    }
    ranked.sort(Comparator.comparingDouble(ParameterDifference::difference).reversed());
    double difference = ParameterDifference.relativeDifference(g, approx);
    return new GradientCheckReport(eps, difference, Verdict.of(difference), dropoutDisabled, entries, ranked);
  }

  private static int[] firstUses(Op[] ops, Variable[] parameters) {
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

  private static void requireCost(Variable cost, int index) {
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

  private static void requireParameters(List<Variable> parameters) {
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

  private static void requireData(Network network, Matrix features, Matrix targets) {
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
