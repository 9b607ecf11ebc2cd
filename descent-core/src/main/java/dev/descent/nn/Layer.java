package dev.descent.nn;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import java.util.List;

/**
 * One stage of a network. {@link #apply} records the layer's ops on a tape and returns the
 * output variable; it is called once per planned batch shape, never per step.
 */
public interface Layer {

  Variable apply(Tape tape, Variable input, BuildContext context);

  /** The trainable parameters, in the order W, b (or γ, β). */
  List<Variable> parameters();

  /** Output features for {@code inputs} input features. */
  int outputSize(int inputs);

  /** What this layer is and holds, for model files and reports. */
  LayerSpec spec();
}
