package dev.descent.autodiff;

import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Write your own cost with variables, placeholders and constants, and minimize it (with {@code
 * dev.descent.optim.Minimizer}, which steps an optimizer over {@link #forward} and {@link
 * #backward}): the course's first TensorFlow program, on the same {@link Tape} the networks train
 * on. The graph knows nothing of optimizers.
 *
 * <p>Each expression is recorded once, as it is written ({@link Expr} is its handle); running
 * replays the tape. Placeholders may be fed before or after the expressions that use them are
 * written, but before anything runs. Precision F64 unless asked; arithmetic broadcasts as {@link
 * Arithmetic}.
 *
 * <pre>{@code
 * Graph g = new Graph();
 * Expr w = g.variable("w", 0.0);
 * Expr cost = w.pow(2).sub(w.mul(10)).add(25);         // (w − 5)²
 * Trajectory path = Minimizer.minimize(g, cost, Transforms.chain(
 *     Transforms.scaleByLearningRate(Schedule.constant(0.01))), 1000, 100);
 * path.last().scalar("w");                              // 5 − 5·0.98^1000 = 4.9999999916
 * }</pre>
 */
public final class Graph {
  private final Precision precision;
  private final Gemm gemm;
  private final Tape tape = new Tape();
  private final Map<String, Variable> named = new LinkedHashMap<>();
  private final Set<Variable> unfed = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A float64 graph. */
  public Graph() {
    this(Precision.F64);
  }

  public Graph(Precision precision) {
    this(precision, Gemm.auto());
  }

  public Graph(Precision precision, Gemm gemm) {
    this.precision = precision;
    this.gemm = gemm;
  }

  public Precision precision() {
    return precision;
  }

  /** A trainable 1×1 variable. */
  public Expr variable(String name, double initial) {
    return variable(name, Matrix.scalar(precision, initial));
  }

  /** A trainable variable starting at a copy of {@code initial}, in this graph's precision. */
  public Expr variable(String name, Matrix initial) {
    return declare(Variable.parameter(checkName(name), initial.to(precision).copy()));
  }

  /**
   * A value of {@code rows × cols} fed before each run with {@link #feed}, such as the course's
   * coefficients {@code x = [1, −10, 25]} (3×1).
   */
  public Expr placeholder(String name, int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("placeholder '" + name + "' shape " + rows + "×" + cols + ": both must be at least 1");
    }
    Variable p = Variable.placeholder(checkName(name), Matrix.zeros(precision, rows, cols));
    // recorded ops read the buffer (zeros) at once; whether the user fed it is tracked here
    p.markFed();
    unfed.add(p);
    return declare(p);
  }

  /** A fixed 1×1 value, named after it. */
  public Expr constant(double value) {
    return new Expr(this, Variable.constant(Double.toString(value), Matrix.scalar(precision, value)));
  }

  /** A fixed value (copied), in this graph's precision. */
  public Expr constant(String name, Matrix value) {
    return new Expr(this, Variable.constant(name, value.to(precision).copy()));
  }

  /** Copies {@code value} into placeholder {@code name}; the shape must match. */
  public Graph feed(String name, Matrix value) {
    Variable v = named.get(name);
    if (v == null || v.kind() != Variable.Kind.PLACEHOLDER) {
      List<String> placeholders = new ArrayList<>();
      named.values().forEach(n -> {
        if (n.kind() == Variable.Kind.PLACEHOLDER) {
          placeholders.add(n.name());
        }
      });
      throw new IllegalArgumentException("no placeholder '" + name + "' in this graph"
          + (v != null ? " ('" + name + "' is a variable)" : "") + "; placeholders: " + placeholders);
    }
    v.feed(value);
    unfed.remove(v);
    return this;
  }

  /** The variable or placeholder {@code name}. */
  public Expr get(String name) {
    Variable v = named.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no variable or placeholder '" + name + "' in this graph; it has " + named.keySet());
    }
    return new Expr(this, v);
  }

  /** Replays the tape and returns the value of {@code e} (the live buffer, rewritten by the next run). */
  public Matrix run(Expr e) {
    requireFed(upstream(e.variable()));
    tape.forward();
    return e.variable().value();
  }

  /** Replays the tape and fills the gradient of every variable of {@code cost}; returns the cost. */
  public double differentiate(Expr cost) {
    requireScalar(cost, "differentiate");
    run(cost);
    tape.backward(cost.variable());
    return cost.scalar();
  }

  /**
   * The variables that {@code cost} depends on, in the order they were declared, ready for
   * {@link #forward} and {@link #backward}: fails unless every placeholder it reads was fed. An
   * empty list when it depends on none.
   */
  public List<Variable> variables(Expr cost) {
    Set<Variable> upstream = upstream(cost.variable());
    requireFed(upstream);
    return variablesAmong(upstream);
  }

  /**
   * Replays the tape and returns the 1×1 {@code cost}; unlike {@link #run}, checks nothing (check
   * once with {@link #requireScalar} and {@link #variables}). No allocation.
   */
  public double forward(Expr cost) {
    tape.forward();
    return cost.variable().scalar();
  }

  /** Fills the gradient of every variable of {@code cost} from the last {@link #forward} pass. No allocation. */
  public void backward(Expr cost) {
    tape.backward(cost.variable());
  }

  /** Fails, naming {@code what}, unless {@code cost} is 1×1. */
  public static void requireScalar(Expr cost, String what) {
    Matrix v = cost.variable().value();
    if (v.size() != 1) {
      throw new IllegalArgumentException(what + ": the cost '" + cost.name() + "' is " + v.shape()
          + "; it must be 1×1 (reduce it with sum() or mean())");
    }
  }

  Expr record(Op op) {
    return new Expr(this, tape.record(op));
  }

  Gemm gemm() {
    return gemm;
  }

  private Expr declare(Variable v) {
    named.put(v.name(), v);
    return new Expr(this, v);
  }

  private String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a variable or placeholder needs a name, got '" + name + "'");
    }
    if (named.containsKey(name)) {
      throw new IllegalArgumentException("'" + name + "' already exists in this graph; names must be unique");
    }
    return name;
  }

  private void requireFed(Set<Variable> needed) {
    for (Variable v : named.values()) {
      if (unfed.contains(v) && needed.contains(v)) {
        throw new IllegalStateException("placeholder '" + v.name() + "' was not fed; call feed(\""
            + v.name() + "\", value) before running");
      }
    }
  }

  /** The trainable variables in {@code among}, in the order they were declared. */
  private List<Variable> variablesAmong(Set<Variable> among) {
    List<Variable> params = new ArrayList<>();
    for (Variable v : named.values()) {
      if (v.kind() == Variable.Kind.PARAMETER && among.contains(v)) {
        params.add(v);
      }
    }
    return params;
  }

  /** {@code target} and every variable it is computed from. */
  private Set<Variable> upstream(Variable target) {
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(target);
    List<Op> ops = tape.ops();
    for (int i = ops.size() - 1; i >= 0; i--) {
      if (seen.contains(ops.get(i).output())) {
        seen.addAll(ops.get(i).inputs());
      }
    }
    return seen;
  }

  /** The names of the variables and placeholders, in the order they were declared. */
  public Set<String> names() {
    return new LinkedHashSet<>(named.keySet());
  }
}
