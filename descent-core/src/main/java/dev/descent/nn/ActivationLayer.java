package dev.descent.nn;

import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import java.util.List;
import java.util.Map;

/** {@code A[l] = g(Z[l])} for a hidden activation g. */
public record ActivationLayer(Activation activation) implements Layer {

  @Override
  public Variable apply(Tape tape, Variable input, BuildContext context) {
    return tape.record(new Pointwise(activation.function(), input));
  }

  @Override
  public List<Variable> parameters() {
    return List.of();
  }

  @Override
  public int outputSize(int inputs) {
    return inputs;
  }

  @Override
  public LayerSpec spec() {
    return new LayerSpec("activation", Map.of("function", activation.label()));
  }
}
