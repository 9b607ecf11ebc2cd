package dev.descent.nn;

import dev.descent.autodiff.Affine;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import java.util.List;
import java.util.Map;

/**
 * The affine part of layer l: {@code Z[l] = A[l−1]·W[l]ᵀ + b[l]}, W n × n_prev, b 1 × n. Without
 * bias when batch norm follows (its β takes the bias's place).
 */
public final class Dense implements Layer, Network.Convertible {
  private final Variable w;
  private final Variable b;

  /** Wraps existing parameters; {@code b} may be null. */
  public Dense(Variable w, Variable b) {
    this.w = w;
    this.b = b;
  }

  /** Layer {@code index} (1-based) with the given starting weights and zero bias. */
  public static Dense create(int index, Matrix initialWeights, boolean bias) {
    Variable w = Variable.parameter("W" + index, initialWeights);
    Variable b = bias ? Variable.parameter("b" + index, initialWeights.like(1, initialWeights.rows())) : null;
    return new Dense(w, b);
  }

  public Variable weights() {
    return w;
  }

  public Variable bias() {
    return b;
  }

  public int units() {
    return w.value().rows();
  }

  @Override
  public Variable apply(Tape tape, Variable input, BuildContext context) {
    return tape.record(new Affine(input, w, b, context.gemm()));
  }

  @Override
  public List<Variable> parameters() {
    return b == null ? List.of(w) : List.of(w, b);
  }

  @Override
  public int outputSize(int inputs) {
    return units();
  }

  @Override
  public Layer to(dev.descent.tensor.Precision precision) {
    Variable w2 = Variable.parameter(w.name(), w.value().to(precision).copy());
    Variable b2 = b == null ? null : Variable.parameter(b.name(), b.value().to(precision).copy());
    return new Dense(w2, b2);
  }

  @Override
  public LayerSpec spec() {
    return new LayerSpec("dense", Map.of("units", units(), "inputs", w.value().cols(), "bias", b != null));
  }
}
