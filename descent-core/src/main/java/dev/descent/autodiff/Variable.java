package dev.descent.autodiff;

import dev.descent.tensor.Matrix;

/**
 * A node of the tape: a value and, when anything upstream is trainable, its gradient.
 *
 * <p>{@link Kind#PARAMETER}s are trained; {@link Kind#PLACEHOLDER}s are fed at run time (a
 * batch, or the course's coefficients {@code x = [1, −10, 25]}); {@link Kind#CONSTANT}s never
 * change; {@link Kind#RESULT}s are op outputs.
 */
public final class Variable {
  public enum Kind { PARAMETER, PLACEHOLDER, CONSTANT, RESULT }

  private final String name;
  private final Kind kind;
  private final Matrix value;
  private final Matrix grad;
  private boolean fed;

  private Variable(String name, Kind kind, Matrix value, boolean needsGrad) {
    this.name = name;
    this.kind = kind;
    this.value = value;
    this.grad = needsGrad ? value.zerosLike() : null;
    this.fed = kind != Kind.PLACEHOLDER;
  }

  /** A trainable parameter that starts at {@code initial} (kept, not copied). */
  public static Variable parameter(String name, Matrix initial) {
    return new Variable(name, Kind.PARAMETER, initial, true);
  }

  /** A value fed before each run; its buffer is {@code shape}, which stays zero until fed. */
  public static Variable placeholder(String name, Matrix shape) {
    return new Variable(name, Kind.PLACEHOLDER, shape, false);
  }

  public static Variable constant(String name, Matrix value) {
    return new Variable(name, Kind.CONSTANT, value, false);
  }

  /** The output of an op; it has a gradient when any input has one. */
  public static Variable result(String name, Matrix value, boolean needsGrad) {
    return new Variable(name, Kind.RESULT, value, needsGrad);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The current value. Ops write results here in place. */
  public Matrix value() {
    if (!fed) {
      throw new IllegalStateException("placeholder '" + name + "' was not fed; call feed(\""
          + name + "\", value) before running");
    }
    return value;
  }

  /** The gradient of the cost with respect to this variable, or null when none is needed. */
  public Matrix grad() {
    return grad;
  }

  public boolean needsGrad() {
    return grad != null;
  }

  /** Copies {@code data} into this placeholder; the shape must match. */
  public void feed(Matrix data) {
    if (kind != Kind.PLACEHOLDER) {
      throw new IllegalStateException("'" + name + "' is a " + kind.name().toLowerCase()
          + ", not a placeholder; only placeholders are fed");
    }
    if (!data.sameShape(value)) {
      throw new IllegalArgumentException("placeholder '" + name + "' is " + value.shape()
          + " but was fed " + data.shape());
    }
    value.copyFrom(data);
    fed = true;
  }

  /** Marks a placeholder whose buffer the caller filled directly as fed. */
  public void markFed() {
    fed = true;
  }

  /** The value of a 1×1 variable. */
  public double scalar() {
    Matrix v = value();
    if (v.size() != 1) {
      throw new IllegalStateException("'" + name + "' is " + v.shape() + ", not a scalar");
    }
    return v.getFlat(0);
  }

  @Override
  public String toString() {
    return name + " (" + kind.name().toLowerCase() + ", " + value.shape() + ")";
  }
}
