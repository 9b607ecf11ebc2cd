package dev.descent.nn;

import dev.descent.autodiff.Pointwise;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hidden-layer activations; softmax and sigmoid outputs come with their {@link Loss}. */
public enum Activation {
  LINEAR(Pointwise.Function.LINEAR),
  RELU(Pointwise.Function.RELU),
  LEAKY_RELU(Pointwise.Function.LEAKY_RELU),
  TANH(Pointwise.Function.TANH),
  SIGMOID(Pointwise.Function.SIGMOID);

  private final Pointwise.Function function;

  Activation(Pointwise.Function function) {
    this.function = function;
  }

  public Pointwise.Function function() {
    return function;
  }

  /** The name used on the command line and in model files, e.g. {@code leaky-relu}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.label().equals(name.toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of " + labels());
  }

  public static String labels() {
    return Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", "));
  }
}
