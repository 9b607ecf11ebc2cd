package dev.descent.search;

/**
 * The axis on which a numeric parameter is sampled uniformly: samplers, grids and coarse-to-fine
 * boxes all work on the warped value {@code warp(x)}, so "evenly spaced" and "the middle of the
 * box" mean the same on every parameter's own scale.
 *
 * <pre>{@code
 * LINEAR:        warp(x) = x
 * LOG:           warp(x) = ln x            (learning rate: 1e-4 … 1e-1, each decade equally likely)
 * ONE_MINUS_LOG: warp(x) = −ln(1 − x)      (β: 0.9 … 0.999, i.e. averaging over 10 … 1000 steps)
 * }</pre>
 *
 * <p>ONE_MINUS_LOG is written with a minus so that warp increases with x: a box [lo, hi] on the
 * warped axis is a box [lo, hi] in β as well.
 */
public enum Scale {
  LINEAR("linear") {
    @Override
    public double warp(double x) {
      return x;
    }

    @Override
    public double unwarp(double y) {
      return y;
    }
  },
  LOG("log") {
    @Override
    public double warp(double x) {
      return Math.log(x);
    }

    @Override
    public double unwarp(double y) {
      return Math.exp(y);
    }
  },
  ONE_MINUS_LOG("one-minus-log") {
    @Override
    public double warp(double x) {
      return -Math.log1p(-x);
    }

    @Override
    public double unwarp(double y) {
      return -Math.expm1(-y);
    }
  };

  private final String jsonName;

  Scale(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The value on the axis where sampling is uniform. */
  public abstract double warp(double x);

  /** The inverse of {@link #warp}. */
  public abstract double unwarp(double y);

  /** "linear", "log" or "one-minus-log": the axis a plot of this parameter should use. */
  public String jsonName() {
    return jsonName;
  }
}
