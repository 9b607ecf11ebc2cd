package dev.descent.cli.experiment;

import dev.descent.autodiff.Expr;
import dev.descent.autodiff.Graph;
import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Box;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.SurfacePlot;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

/**
 * Why adaptive optimizers help off the beaten track: gradient descent, momentum (β 0.9), RMSprop
 * and Adam (library defaults) minimize three functions of w = (x, y), a 1×2 parameter of a
 * {@link Graph} (the engine networks train on), from the same start with the same rate:
 *
 * <pre>
 * saddle      x² − y²                     from (1, 0.001)   lr 0.01    escaped once |y| > 1
 * plateau     1 − exp(−(x² + y²)/2)       from (3, 2.5)     lr 0.1     converged within 1e-3 of (0, 0)
 * rosenbrock  (1 − x)² + 100·(y − x²)²    from (−1.5, 2)    lr 0.0005  converged within 1e-3 of (1, 1)
 * </pre>
 *
 * The outcome is "escaped" or "converged" with the iterations it took, "not escaped" or "not
 * converged" at the iteration limit (5 000; 20 000 for Rosenbrock), or "diverged" (a coordinate
 * not finite).
 */
public final class SaddleExperiment implements Experiment {
  static final double TOLERANCE = 1e-3;
  static final int PLOT_POINTS = 500;

  @Override
  public String name() {
    return "saddle";
  }

  /**
   * A function to minimize: its formula twice (as numbers for the plot, as graph operations for
   * the optimizers), where to start, at what rate, and when it has escaped or converged.
   */
  record Landscape(String name, String formula, DoubleBinaryOperator f, BinaryOperator<Expr> expression,
      double startX, double startY, double learningRate, int maxIterations, Box box, Axis.Scale scale,
      Goal goal) {}

  /** Escaped once |y| exceeds {@code escape}, or converged within {@link #TOLERANCE} of (x, y). */
  record Goal(double escape, double x, double y) {
    static Goal escapeAbove(double y) {
      return new Goal(y, Double.NaN, Double.NaN);
    }

    static Goal minimumAt(double x, double y) {
      return new Goal(Double.NaN, x, y);
    }

    boolean reached(double px, double py) {
      return Double.isNaN(escape) ? Math.hypot(px - x, py - y) <= TOLERANCE : Math.abs(py) > escape;
    }

    String word() {
      return Double.isNaN(escape) ? "converged" : "escaped";
    }
  }

  static List<Landscape> landscapes() {
    return List.of(
        new Landscape("saddle", "x² − y²", (x, y) -> x * x - y * y, (x, y) -> x.pow(2).sub(y.pow(2)),
            1, 1e-3, 0.01, 5000, new Box(-1.5, 1.5, -1.5, 1.5), Axis.Scale.LINEAR, Goal.escapeAbove(1)),
        new Landscape("plateau", "1 − exp(−(x² + y²)/2)", (x, y) -> 1 - Math.exp(-(x * x + y * y) / 2),
            (x, y) -> x.pow(2).add(y.pow(2)).mul(-0.5).exp().neg().add(1),
            3, 2.5, 0.1, 5000, new Box(-1, 3.5, -1, 3), Axis.Scale.LINEAR, Goal.minimumAt(0, 0)),
        new Landscape("rosenbrock", "(1 − x)² + 100·(y − x²)²",
            (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
            (x, y) -> x.neg().add(1).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100)),
            -1.5, 2, 0.0005, 20_000, new Box(-2, 2, -1, 3), Axis.Scale.LOG, Goal.minimumAt(1, 1)));
  }

  static Map<String, GradientTransform> optimizers(double learningRate) {
    Map<String, GradientTransform> m = new LinkedHashMap<>();
    m.put("gd", Optimizers.gd(learningRate));
    m.put("momentum", Optimizers.momentum(learningRate, 0.9));
    m.put("rmsprop", Optimizers.rmsprop(learningRate));
    m.put("adam", Optimizers.adam(learningRate));
    return m;
  }

  @Override
  public ExperimentResult run(ExperimentContext context) {
    if (context.dataFile() != null) {
      throw new IllegalArgumentException("--data " + context.dataFile()
          + ": experiment saddle minimizes fixed functions of two variables and reads no data; run it without --data");
    }
    List<RunRow> rows = new ArrayList<>();
    List<Path> plots = new ArrayList<>();
    for (Landscape land : landscapes()) {
      SurfacePlot plot = SurfacePlot.of(land.name() + ": " + land.formula() + ", lr "
          + java.math.BigDecimal.valueOf(land.learningRate()).toPlainString(), land.box(),
          land.f()).withScale(land.scale()).withAxisTitles("x", "y");
      for (Map.Entry<String, GradientTransform> e : optimizers(land.learningRate()).entrySet()) {
        long start = System.nanoTime();
        Trace path = descend(land, e.getValue());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("iterations", path.iterations());
        extra.put("outcome", path.outcome());
        rows.add(new RunRow(land.name() + "-" + e.getKey(), Double.NaN, Double.NaN, path.finalValue(), seconds, extra));
        plot = plot.path(thinned(e.getKey() + " (" + path.outcome() + " " + path.iterations() + ")", path.x(), path.y()));
      }
      Path file = context.out().resolve("saddle-" + land.name() + ".png");
      Figures.standard().surface(plot).writePng(file);
      plots.add(file);
    }
    return new ExperimentResult(name(),
        "w = (x, y), a 1×2 graph variable, minimized by gd, momentum (β 0.9), RMSprop (β 0.999) and Adam "
            + "(β1 0.9, β2 0.999) at one rate per function; saddle x² − y² from (1, 0.001), lr 0.01, escaped at |y| > 1; "
            + "plateau 1 − exp(−(x² + y²)/2) from (3, 2.5), lr 0.1; Rosenbrock from (−1.5, 2), lr 0.0005; "
            + "converged within 1e-3 of the minimum; the final cost column is f at the last point",
        rows, plots, List.of(),
        "Near a saddle point or on a plateau the gradient is tiny, so gradient descent takes tiny steps and "
            + "lingers. Adam divides each coordinate's step by the root mean square of its recent gradients, so a "
            + "small but steady gradient still moves it by about the learning rate: it leaves the saddle and "
            + "crosses the plateau many times sooner. The course's momentum averages the gradients "
            + "(v = βv + (1 − β)g), so at the same rate it is no faster than gradient descent on a smooth path (it "
            + "even lags at first); it pays off by damping oscillations, which allows a larger rate. RMSprop "
            + "without bias correction starts with steps about √(1/(1 − β)) ≈ 32 times the rate: it jumps off the "
            + "saddle at once but overshoots the plateau's minimum and keeps bouncing. In Rosenbrock's curved "
            + "valley a rate small enough to keep gradient descent stable across the valley is too small along it.");
  }

  /** At most {@value #PLOT_POINTS} points of a path, evenly by step, with its start and end: drawing 20 000 is slow. */
  static Series thinned(String name, double[] x, double[] y) {
    int stride = (x.length + PLOT_POINTS - 1) / PLOT_POINTS;
    int n = (x.length - 1) / stride + 1 + ((x.length - 1) % stride == 0 ? 0 : 1);
    double[] tx = new double[n];
    double[] ty = new double[n];
    for (int i = 0, k = 0; k < n; k++, i = Math.min(i + stride, x.length - 1)) {
      tx[k] = x[i];
      ty[k] = y[i];
    }
    return new Series(name, tx, ty);
  }

  /** The points visited, from the start, and how the descent ended. */
  record Trace(double[] x, double[] y, int iterations, String outcome, double finalValue) {}

  static Trace descend(Landscape land, GradientTransform transform) {
    Graph g = new Graph();
    Expr w = g.variable("w", Matrix.of(Precision.F64, 1, 2, land.startX(), land.startY()));
    Expr cost = land.expression().apply(w.at(0, 0), w.at(0, 1));
    Optimizer optimizer = new Optimizer(transform, List.of(w.variable()));
    double[] xs = new double[land.maxIterations() + 1];
    double[] ys = new double[land.maxIterations() + 1];
    xs[0] = land.startX();
    ys[0] = land.startY();
    String outcome = "not " + land.goal().word();
    int t = 0;
    while (t < land.maxIterations()) {
      g.differentiate(cost);
      optimizer.step();
      t++;
      double x = w.value().getFlat(0);
      double y = w.value().getFlat(1);
      xs[t] = x;
      ys[t] = y;
      if (!(Double.isFinite(x) && Double.isFinite(y))) {
        outcome = "diverged";
        break;
      }
      if (land.goal().reached(x, y)) {
        outcome = land.goal().word();
        break;
      }
    }
    double[] px = Arrays.copyOf(xs, t + 1);
    double[] py = Arrays.copyOf(ys, t + 1);
    return new Trace(px, py, t, outcome, land.f().applyAsDouble(px[t], py[t]));
  }
}
