package dev.descent.autodiff;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import java.util.List;

/**
 * An element-wise function {@code A = g(Z)} and its derivative, {@code dZ += dA ⊙ g'(Z)}.
 *
 * <p>Each function has its own loop per precision: a shared loop calling the function through
 * an interface would not be inlined by the JIT once it has seen several functions. ReLU's loops
 * have no branch: about half of a layer's units are active, in no order a branch predictor can
 * learn, and C2 (JDK 17) compiles {@code x > 0 ? v : 0} to a branch, not a conditional move
 * (measured: docs/design.md, "Element-wise loops"). The forward is
 * {@code Math.max(z, 0)} and the backward multiplies by {@link #reluSlope(float)}, both of which
 * C2 vectorizes, and both as the small-network step computes them. NaN passes on, as in numpy's
 * {@code maximum} and PyTorch's {@code relu}: a diverged unit makes the cost NaN, which the
 * trainer stops on, not a silent 0.
 */
public final class Pointwise extends Op {
  /** The element-wise functions; {@code LEAKY_RELU} has slope 0.01 below zero. */
  public enum Function {
    LINEAR, RELU, LEAKY_RELU, TANH, SIGMOID, EXP, LOG, NEG, SQRT, ABS;

    public String label() {
      return name().toLowerCase().replace('_', ' ');
    }
  }

  static final float LEAK = 0.01f;

  private final Function f;
  private final Variable z;

  public Pointwise(Function f, Variable z) {
    super(List.of(z), Variable.result(f.name().toLowerCase(), z.value().zerosLike(), z.needsGrad()));
    this.f = f;
    this.z = z;
  }

  public Function function() {
    return f;
  }

  @Override
  public void forward() {
    int n = z.value().size();
    if (z.value() instanceof F32Matrix in) {
      forward32(f, in.values, ((F32Matrix) out.value()).values, n);
    } else {
      forward64(f, ((F64Matrix) z.value()).values, ((F64Matrix) out.value()).values, n);
    }
  }

  /** Float32 ReLU has a loop that writes dZ (the hidden layers of a large net); the rest add to zeros. */
  @Override
  protected boolean canOverwriteGrad(int i) {
    return f == Function.RELU && z.value() instanceof F32Matrix;
  }

  @Override
  public void backward() {
    int n = z.value().size();
    if (writesFirst(0)) {
      reluBackwardWrite32(((F32Matrix) out.value()).values, ((F32Matrix) out.grad()).values, ((F32Matrix) z.grad()).values, n);
      return;
    }
    if (z.value() instanceof F32Matrix in) {
      backward32(f, in.values, ((F32Matrix) out.value()).values, ((F32Matrix) out.grad()).values,
          ((F32Matrix) z.grad()).values, n);
    } else {
      backward64(f, ((F64Matrix) z.value()).values, ((F64Matrix) out.value()).values,
          ((F64Matrix) out.grad()).values, ((F64Matrix) z.grad()).values, n);
    }
  }

  /** {@code y = f(x)} on the first n elements; also used by the nn package's fused small-network step. */
  public static void forward32(Function f, float[] x, float[] y, int n) {
    switch (f) {
      case LINEAR -> System.arraycopy(x, 0, y, 0, n);
      case RELU -> { for (int k = 0; k < n; k++) { y[k] = Math.max(x[k], 0f); } }
      case LEAKY_RELU -> { for (int k = 0; k < n; k++) { float v = x[k]; y[k] = v > 0 ? v : LEAK * v; } }
      case TANH -> { for (int k = 0; k < n; k++) { y[k] = (float) Math.tanh(x[k]); } }
      case SIGMOID -> { for (int k = 0; k < n; k++) { y[k] = (float) sigmoid(x[k]); } }
      default -> { for (int k = 0; k < n; k++) { y[k] = (float) apply(f, x[k]); } }
    }
  }

  /** {@code y = f(x)} on the first n elements; also used by the gradient check's dense replay. */
  public static void forward64(Function f, double[] x, double[] y, int n) {
    switch (f) {
      case LINEAR -> System.arraycopy(x, 0, y, 0, n);
      case RELU -> { for (int k = 0; k < n; k++) { y[k] = Math.max(x[k], 0.0); } }
      case LEAKY_RELU -> { for (int k = 0; k < n; k++) { double v = x[k]; y[k] = v > 0 ? v : LEAK * v; } }
      case TANH -> { for (int k = 0; k < n; k++) { y[k] = Math.tanh(x[k]); } }
      case SIGMOID -> { for (int k = 0; k < n; k++) { y[k] = sigmoid(x[k]); } }
      default -> { for (int k = 0; k < n; k++) { y[k] = apply(f, x[k]); } }
    }
  }

  /** {@code dx += dy ⊙ f'(x)} (given also y = f(x)) on the first n elements. */
  public static void backward32(Function f, float[] x, float[] y, float[] dy, float[] dx, int n) {
    switch (f) {
      case LINEAR -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + dy[k]; } }
      case RELU -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + dy[k] * reluSlope(y[k]); } }
      case LEAKY_RELU -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + (x[k] > 0 ? dy[k] : LEAK * dy[k]); } }
      case TANH -> { for (int k = 0; k < n; k++) { float t = y[k]; dx[k] = dx[k] + dy[k] * (1 - t * t); } }
      case SIGMOID -> { for (int k = 0; k < n; k++) { float s = y[k]; dx[k] = dx[k] + dy[k] * s * (1 - s); } }
      default -> { for (int k = 0; k < n; k++) { dx[k] = (float) (dx[k] + dy[k] * derivative(f, x[k], y[k])); } }
    }
  }

  /**
   * ReLU's {@code dx = dy ⊙ g'}, from its output y, writing dx instead of adding to it: the same
   * bits as adding to zeros ({@code 0 + v}, which turns a −0 into +0), without reading them.
   */
  static void reluBackwardWrite32(float[] y, float[] dy, float[] dx, int n) {
    for (int k = 0; k < n; k++) {
      dx[k] = 0f + dy[k] * reluSlope(y[k]);
    }
  }

  static void backward64(Function f, double[] x, double[] y, double[] dy, double[] dx, int n) {
    switch (f) {
      case LINEAR -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + dy[k]; } }
      case RELU -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + dy[k] * reluSlope(y[k]); } }
      case LEAKY_RELU -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + (x[k] > 0 ? dy[k] : LEAK * dy[k]); } }
      case TANH -> { for (int k = 0; k < n; k++) { double t = y[k]; dx[k] = dx[k] + dy[k] * (1 - t * t); } }
      case SIGMOID -> { for (int k = 0; k < n; k++) { double s = y[k]; dx[k] = dx[k] + dy[k] * s * (1 - s); } }
      default -> { for (int k = 0; k < n; k++) { dx[k] = dx[k] + dy[k] * derivative(f, x[k], y[k]); } }
    }
  }

  /**
   * ReLU's derivative from its output {@code y = max(z, 0)} without a branch: 1 where y > 0, 0
   * where y = 0 (and NaN for NaN); {@code (y·1e38)·1e38} is at least 1 for the smallest positive
   * float and infinite for the largest.
   */
  public static float reluSlope(float y) {
    return Math.min(1f, y * 1e38f * 1e38f);
  }

  /** {@link #reluSlope(float)} in float64: {@code (y·1e300)·1e300} ≥ 1 for the smallest positive double. */
  public static double reluSlope(double y) {
    return Math.min(1.0, y * 1e300 * 1e300);
  }

  /** The logistic function, without overflow at large |x|. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + NonPositiveExp.of(-x));
    }
    double e = NonPositiveExp.of(x);
    return e / (1 + e);
  }

  /** g(x), for any function; the loops above special-case the hot ones. */
  public static double apply(Function f, double x) {
    return switch (f) {
      case LINEAR -> x;
      case RELU -> Math.max(x, 0.0);
      case LEAKY_RELU -> x > 0 ? x : LEAK * x;
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case NEG -> -x;
      case SQRT -> Math.sqrt(x);
      case ABS -> Math.abs(x);
    };
  }

  /** g'(x), given also y = g(x). */
  public static double derivative(Function f, double x, double y) {
    return switch (f) {
      case LINEAR -> 1;
      case RELU -> reluSlope(y);
      case LEAKY_RELU -> x > 0 ? 1 : LEAK;
      case TANH -> 1 - y * y;
      case SIGMOID -> y * (1 - y);
      case EXP -> y;
      case LOG -> 1 / x;
      case NEG -> -1;
      case SQRT -> 0.5 / y;
      case ABS -> Math.signum(x);
    };
  }
}
