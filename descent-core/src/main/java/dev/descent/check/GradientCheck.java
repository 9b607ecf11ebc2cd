package dev.descent.check;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
 * and nothing is allocated per evaluation. A network of dense and activation layers without cost
 * terms is evaluated faster, by {@link DenseReplay}: the moved entry's column is carried into the
 * next layer as a rank-1 change, so J(θ±ε) equals a replay's up to rounding far below what ε
 * resolves. A network's full check shares its entries among worker threads (one per core, at
 * least {@value #ENTRIES_PER_WORKER} entries each, or {@value #DENSE_ENTRIES_PER_WORKER} by dense
 * replay), each on its own float64 copy: every entry gets the same two evaluations, so the
 * numbers do not depend on the thread count.
 *
 * <pre>{@code
 * GradientCheckReport r = GradientCheck.of(net, x, y).run();
 * r.verdict();   // OK (difference ≈ 4.5e-9 on the golden [4,5,3,1] net)
 * GradientCheck.of(net, x, y).directional(10, Rng.of(1), CheckOptions.defaults()).verdict();
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
  /** Another check of the same network and data, for a worker thread; null for a bare tape. */
  private Supplier<GradientCheck> replicas;
  /** J with one entry moved, from the unmoved layers, for a network of dense layers; else null (replay the tape). */
  private DenseReplay dense;

  /** Fewer entries than this per thread are not worth a thread (a worker costs a network copy and a start-up). */
  static final int ENTRIES_PER_WORKER = 512;
  /** The same for {@link DenseReplay}, whose entries cost far less (measured: docs/design.md, "A gradient check"). */
  static final int DENSE_ENTRIES_PER_WORKER = 8192;

  private GradientCheck(Tape tape, Variable cost, List<Variable> parameters, boolean dropoutDisabled) {
    List<Op> all = tape.ops();
    int last = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).output() == cost) {
        last = i;
      }
    }
    CheckInputs.requireCost(cost, last);
    this.tape = tape;
    this.ops = all.subList(0, last + 1).toArray(new Op[0]);
    this.cost = cost;
    this.parameters = parameters.toArray(new Variable[0]);
    this.firstUse = CheckInputs.firstUses(ops, this.parameters);
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
    CheckInputs.requireData(network, features, targets);
    GradientCheck check = onCopy(network, features, targets);
    check.replicas = () -> onCopy(network, features, targets);
    return check;
  }

  private static GradientCheck onCopy(Network network, Matrix features, Matrix targets) {
    Network checked = CheckInputs.deterministicF64(network);
    Plan plan = checked.plan(features.rows(), Mode.TRAIN);
    plan.load(features, targets, null, 0);
    GradientCheck check = new GradientCheck(plan.tape(), plan.cost(), checked.parameters(), CheckInputs.hasRandomLayers(network));
    check.dense = DenseReplay.of(List.of(check.ops), checked.loss(), check.parameters);
    return check;
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
    CheckInputs.requireParameters(parameters);
    return new GradientCheck(tape, cost, parameters, false);
  }

  /** The full check with the default options (ε = 1e-7, no corruption). */
  public GradientCheckReport run() {
    return run(CheckOptions.defaults());
  }

  /** The full check: two evaluations of J per parameter entry. */
  public GradientCheckReport run(CheckOptions options) {
    analyticGradient(options.corruption());
    numericalGradient(options.epsilon());
    return report(options.epsilon());
  }

  /** Fills {@code numerical} with centered differences, on as many threads as pay. */
  void numericalGradient(double eps) {
    int cores = Runtime.getRuntime().availableProcessors();
    int perWorker = dense == null ? ENTRIES_PER_WORKER : DENSE_ENTRIES_PER_WORKER;
    numericalGradient(eps, replicas == null ? 1 : Math.max(1, Math.min(cores, entries / perWorker)));
  }

  /** On {@code workers} threads (this check and {@code workers − 1} replicas); one worker allocates nothing. */
  void numericalGradient(double eps, int workers) {
    if (workers <= 1 || replicas == null) {
      numericalRange(0, entries, eps, numerical);
    } else {
      Thread[] threads = new Thread[workers - 1];
      Throwable[] failures = new Throwable[workers];
      for (int w = 1; w < workers; w++) {
        int worker = w;
        GradientCheck replica = replicas.get();
        for (int p = 0; p < parameters.length; p++) {
          // θ as this check holds it, whatever the network did since
          replica.parameters[p].value().copyFrom(parameters[p].value());
        }
        threads[w - 1] = new Thread(() -> {
          try {
            replica.tape.forward();
            replica.numericalRange(share(worker, workers), share(worker + 1, workers), eps, numerical);
          } catch (Throwable t) {
            failures[worker] = t;
          }
        }, "gradcheck-" + w);
        threads[w - 1].start();
      }
      numericalRange(0, share(1, workers), eps, numerical);
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("gradient check interrupted", e);
        }
      }
      for (Throwable t : failures) {
        if (t != null) {
          throw t instanceof RuntimeException r ? r : new IllegalStateException("gradient check worker failed", t);
        }
      }
    }
    // leave every value on the tape as it is at θ
    tape.forward();
  }

  /** Whether the numerical gradient comes from {@link DenseReplay} rather than a replay of the tape (for tests). */
  boolean usesDenseReplay() {
    return dense != null;
  }

  /** The numerical gradient of the last full check, per parameter (for tests). */
  double[][] numerical() {
    return numerical;
  }

  private int share(int worker, int workers) {
    return (int) ((long) entries * worker / workers);
  }

  /** Centered differences for the entries {@code [lo, hi)} of all parameters in order, into {@code out}; no allocation. */
  private void numericalRange(int lo, int hi, double eps, double[][] out) {
    if (dense != null) {
      denseRange(lo, hi, eps, out);
      return;
    }
    int start = 0;
    for (int p = 0; p < parameters.length; p++) {
      DoubleBuffer theta = values[p];
      int size = out[p].length;
      int from = firstUse[p];
      int first = Math.max(0, lo - start);
      int end = Math.min(size, hi - start);
      for (int k = first; k < end; k++) {
        double saved = theta.get(k);
        theta.put(k, saved + eps);
        double plus = costFrom(from);
        theta.put(k, saved - eps);
        double minus = costFrom(from);
        theta.put(k, saved);
        out[p][k] = (plus - minus) / (2 * eps);
      }
      if (first < end) {
        // back to θ: a later parameter replays only from its own first use, and the ops before
        // that must hold θ's values, not those of this parameter's last perturbation
        costFrom(from);
      }
      start += size;
    }
  }

  /**
   * {@link #numericalRange} by {@link DenseReplay}: θ stays as it is, and each entry moves by
   * what storing θ ± ε would move it, so that J is taken where a replay would take it.
   */
  private void denseRange(int lo, int hi, double eps, double[][] out) {
    dense.refresh();
    int start = 0;
    for (int p = 0; p < parameters.length; p++) {
      DoubleBuffer theta = values[p];
      int size = out[p].length;
      for (int k = Math.max(0, lo - start), end = Math.min(size, hi - start); k < end; k++) {
        double saved = theta.get(k);
        double plus = dense.cost(p, k, (saved + eps) - saved);
        double minus = dense.cost(p, k, (saved - eps) - saved);
        out[p][k] = (plus - minus) / (2 * eps);
      }
      start += size;
    }
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
}
