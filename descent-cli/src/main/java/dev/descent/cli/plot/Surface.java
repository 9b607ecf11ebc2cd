package dev.descent.cli.plot;

import java.util.List;

/**
 * f on a {@link Grid}, as the shade in [0, 1] each point gets: (t − min t)/(max t − min t) with
 * t = f (linear) or t = log10(f − min f + ε), ε = 10⁻⁴·(max f − min f) (log: four decades
 * below the top show). NaN where f is not finite.
 */
final class Surface {
  final double[] shade;
  private final double minF;
  private final double maxF;
  private final double epsilon;
  private final boolean log;

  private Surface(double[] shade, double minF, double maxF, double epsilon, boolean log) {
    this.shade = shade;
    this.minF = minF;
    this.maxF = maxF;
    this.epsilon = epsilon;
    this.log = log;
  }

  static Surface evaluate(SurfacePlot plot, Grid grid, List<String> notes) {
    double[] f = new double[grid.size()];
    double minF = Double.POSITIVE_INFINITY;
    double maxF = Double.NEGATIVE_INFINITY;
    int missing = 0;
    for (int j = 0; j < grid.n; j++) {
      for (int i = 0; i < grid.n; i++) {
        double value = plot.function().applyAsDouble(grid.x(i), grid.y(j));
        if (Double.isFinite(value)) {
          minF = Math.min(minF, value);
          maxF = Math.max(maxF, value);
        } else {
          value = Double.NaN;
          missing++;
        }
        f[j * grid.n + i] = value;
      }
    }
    if (missing > 0) {
      notes.add(
          "f was not finite at " + missing + " of " + grid.size()
              + " grid points; those parts of the plane are grey");
    }
    boolean log = plot.scale() == Axis.Scale.LOG;
    double epsilon = 1e-4 * (maxF - minF);
    Surface surface = new Surface(f, minF, maxF, epsilon, log);
    double low = surface.transform(minF);
    double high = surface.transform(maxF);
    for (int k = 0; k < f.length; k++) {
      f[k] = surface.hasRange() ? (surface.transform(f[k]) - low) / (high - low) : 0.5;
    }
    return surface;
  }

  /** Whether f takes more than one finite value, so that shades and levels mean something. */
  boolean hasRange() {
    return maxF > minF;
  }

  /** The shade in [0, 1] of a value of f within its range. */
  double shadeOf(double f) {
    return (transform(f) - transform(minF)) / (transform(maxF) - transform(minF));
  }

  /**
   * Round values of f for the colour bar: 1-2-5 steps (linear), or min f + 10^k, every one or
   * two decades (log), each within the range of f.
   */
  double[] ticks() {
    if (!log) {
      return Numbers.ticks(minF, maxF, 5);
    }
    int lowest = (int) Math.ceil(Math.log10(epsilon) - 1e-9);
    int highest = (int) Math.floor(Math.log10(maxF - minF) + 1e-9);
    int stride = highest - lowest > 6 ? 2 : 1;
    double[] ticks = new double[(highest - lowest) / stride + 1];
    for (int k = 0; k < ticks.length; k++) {
      ticks[k] = minF + Math.pow(10, lowest + k * stride);
    }
    return ticks;
  }

  private double transform(double value) {
    return log ? Math.log10(value - minF + epsilon) : value;
  }
}
