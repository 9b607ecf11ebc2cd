package dev.descent.optim;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import java.util.List;

/** The trainable variables an optimizer updates, with their values and gradients. */
public record Parameters(List<Variable> variables) {
  public Parameters {
    variables = List.copyOf(variables);
    for (Variable v : variables) {
      if (!v.needsGrad()) {
        throw new IllegalArgumentException("'" + v.name() + "' has no gradient; only parameters can be optimized");
      }
    }
  }

  public int size() {
    return variables.size();
  }

  public Matrix value(int i) {
    return variables.get(i).value();
  }

  /** The gradient of parameter i; transforms rewrite it into the step. */
  public Matrix grad(int i) {
    return variables.get(i).grad();
  }

  public String name(int i) {
    return variables.get(i).name();
  }
}
