package dev.descent.autodiff;

import dev.descent.tensor.Matrix;

/**
 * A handle on one value of a {@link Graph}, with the operations that build new ones; each call
 * records one op. Element-wise operations broadcast (a 1×1 scalar, a 1×n row or an m×1 column
 * stretches to the other side's shape); a shape that does not fit is an {@link
 * IllegalArgumentException} naming the operation and both shapes.
 *
 * <pre>{@code
 * Expr x = g.placeholder("x", 3, 1);
 * Expr cost = x.at(0, 0).mul(w.pow(2)).add(x.at(1, 0).mul(w)).add(x.at(2, 0));
 * }</pre>
 */
public final class Expr {
  private final Graph graph;
  private final Variable variable;

  Expr(Graph graph, Variable variable) {
    this.graph = graph;
    this.variable = variable;
  }

  public Graph graph() {
    return graph;
  }

  /** The tape variable behind this expression. */
  public Variable variable() {
    return variable;
  }

  public String name() {
    return variable.name();
  }

  /** The value as of the last run (see {@link Graph#run}); the live buffer. */
  public Matrix value() {
    return variable.value();
  }

  /** The value of a 1×1 expression as of the last run. */
  public double scalar() {
    return variable.scalar();
  }

  /** d(cost)/d(this) after {@link Graph#differentiate} or {@link Graph#backward} (which {@code optim.Minimizer} steps with). */
  public Matrix grad() {
    if (!variable.needsGrad()) {
      throw new IllegalStateException("'" + name() + "' is a " + variable.kind().name().toLowerCase()
          + " that depends on no variable, so it has no gradient");
    }
    return variable.grad();
  }

  public Expr add(Expr other) {
    return arithmetic(Arithmetic.Kind.ADD, other);
  }

  public Expr add(double value) {
    return add(graph.constant(value));
  }

  public Expr sub(Expr other) {
    return arithmetic(Arithmetic.Kind.SUBTRACT, other);
  }

  public Expr sub(double value) {
    return sub(graph.constant(value));
  }

  /** Element-wise product (⊙); {@link #matmul} is the matrix product. */
  public Expr mul(Expr other) {
    return arithmetic(Arithmetic.Kind.MULTIPLY, other);
  }

  public Expr mul(double value) {
    return mul(graph.constant(value));
  }

  public Expr div(Expr other) {
    return arithmetic(Arithmetic.Kind.DIVIDE, other);
  }

  public Expr div(double value) {
    return div(graph.constant(value));
  }

  /** Element-wise {@code x^exponent}. */
  public Expr pow(double exponent) {
    return graph.record(new Power(variable, exponent));
  }

  public Expr exp() {
    return pointwise(Pointwise.Function.EXP);
  }

  /** The natural logarithm. */
  public Expr log() {
    return pointwise(Pointwise.Function.LOG);
  }

  public Expr sqrt() {
    return pointwise(Pointwise.Function.SQRT);
  }

  public Expr abs() {
    return pointwise(Pointwise.Function.ABS);
  }

  public Expr neg() {
    return pointwise(Pointwise.Function.NEG);
  }

  public Expr relu() {
    return pointwise(Pointwise.Function.RELU);
  }

  /** Slope 0.01 below zero. */
  public Expr leakyRelu() {
    return pointwise(Pointwise.Function.LEAKY_RELU);
  }

  public Expr tanh() {
    return pointwise(Pointwise.Function.TANH);
  }

  public Expr sigmoid() {
    return pointwise(Pointwise.Function.SIGMOID);
  }

  /** Softmax along each row (examples are rows). */
  public Expr softmax() {
    return graph.record(new Softmax(variable));
  }

  /** The matrix product {@code this·other}. */
  public Expr matmul(Expr other) {
    return graph.record(new MatMul(variable, own(other, "matmul"), graph.gemm()));
  }

  /** The sum of all elements, 1×1. */
  public Expr sum() {
    return graph.record(new Reduce(Reduce.Kind.SUM, variable));
  }

  /** The mean of all elements, 1×1. */
  public Expr mean() {
    return graph.record(new Reduce(Reduce.Kind.MEAN, variable));
  }

  /** Element {@code [row][col]} (0-based) as a 1×1 expression: the course's {@code x[0][0]}. */
  public Expr at(int row, int col) {
    return graph.record(new Element(variable, row, col));
  }

  /** Mean binary cross-entropy of sigmoid(this) against 0/1 {@code labels}, from the logits. */
  public Expr binaryCrossEntropyWithLogits(Expr labels) {
    return graph.record(new BinaryCrossEntropy(variable, own(labels, "binary cross-entropy")));
  }

  /** Mean categorical cross-entropy of softmax(this) against one-hot {@code labels}, from the logits. */
  public Expr softmaxCrossEntropyWithLogits(Expr oneHotLabels) {
    return graph.record(new SoftmaxCrossEntropy(variable, own(oneHotLabels, "softmax cross-entropy")));
  }

  /** Mean over rows of the squared error summed over columns. */
  public Expr meanSquaredError(Expr targets) {
    return graph.record(new MeanSquaredError(variable, own(targets, "mean squared error")));
  }

  private Expr arithmetic(Arithmetic.Kind kind, Expr other) {
    return graph.record(new Arithmetic(kind, variable, own(other, kind.name().toLowerCase())));
  }

  private Expr pointwise(Pointwise.Function f) {
    return graph.record(new Pointwise(f, variable));
  }

  private Variable own(Expr other, String operation) {
    if (other.graph != graph) {
      throw new IllegalArgumentException(operation + ": '" + other.name() + "' belongs to another graph than '"
          + name() + "'; build an expression from one graph only");
    }
    return other.variable;
  }

  @Override
  public String toString() {
    return variable.toString();
  }
}
