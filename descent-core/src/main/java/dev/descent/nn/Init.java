package dev.descent.nn;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.Locale;

/**
 * How a weight matrix W (n × n_prev) starts, drawn from a seeded generator. Biases start at 0.
 *
 * <ul>
 *   <li>{@code zeros}: all 0 (every unit stays the same: symmetry is never broken)
 *   <li>{@code random}: N(0,1)·scale; the course tries ×10 (too large) and ×0.01
 *   <li>{@code xavier}: N(0,1)·√(1/n_prev)
 *   <li>{@code glorot}: N(0,1)·√(2/(n_prev + n))
 *   <li>{@code he}: N(0,1)·√(2/n_prev), the default for ReLU networks
 * </ul>
 */
public record Init(Kind kind, double scale) {
  public enum Kind { ZEROS, RANDOM, XAVIER, GLOROT, HE }

  public Init {
    if (kind == Kind.RANDOM && !(scale > 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("random init scale = " + scale + ": must be positive and finite");
    }
  }

  public static Init zeros() {
    return new Init(Kind.ZEROS, 0);
  }

  /** N(0,1)·scale, e.g. {@code random(10)} or {@code random(0.01)}. */
  public static Init random(double scale) {
    return new Init(Kind.RANDOM, scale);
  }

  public static Init xavier() {
    return new Init(Kind.XAVIER, 0);
  }

  public static Init glorot() {
    return new Init(Kind.GLOROT, 0);
  }

  public static Init he() {
    return new Init(Kind.HE, 0);
  }

  /** The standard deviation for a layer with {@code fanIn} inputs and {@code fanOut} units. */
  public double standardDeviation(int fanIn, int fanOut) {
    return switch (kind) {
      case ZEROS -> 0;
      case RANDOM -> scale;
      case XAVIER -> Math.sqrt(1.0 / fanIn);
      case GLOROT -> Math.sqrt(2.0 / (fanIn + fanOut));
      case HE -> Math.sqrt(2.0 / fanIn);
    };
  }

  /** A new fanOut × fanIn weight matrix. */
  public Matrix weights(Precision precision, int fanOut, int fanIn, Rng rng) {
    Matrix w = Matrix.zeros(precision, fanOut, fanIn);
    double sd = standardDeviation(fanIn, fanOut);
    if (sd != 0) {
      for (int k = 0; k < w.size(); k++) {
        w.setFlat(k, rng.nextGaussian() * sd);
      }
    }
    return w;
  }

  /** Parses {@code zeros}, {@code he}, {@code xavier}, {@code glorot}, {@code random} or {@code random:SCALE}. */
  public static Init parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("random")) {
      if (t.equals("random")) {
        return random(10);
      }
      if (t.startsWith("random:")) {
        try {
          return random(Double.parseDouble(t.substring(7)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("init '" + text + "': the scale after 'random:' must be a number, e.g. random:0.01");
        }
      }
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.RANDOM && k.name().toLowerCase(Locale.ROOT).equals(t)) {
        return new Init(k, 0);
      }
    }
    throw new IllegalArgumentException("unknown init '" + text
        + "'; expected zeros, random (×10), random:SCALE, xavier, glorot or he");
  }

  @Override
  public String toString() {
    return kind == Kind.RANDOM ? "random:" + scale : kind.name().toLowerCase(Locale.ROOT);
  }
}
