package dev.descent.cli.experiment;

import dev.descent.autodiff.Expr;
import dev.descent.autodiff.Graph;
import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Minimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Trajectory;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course's first TensorFlow program on Descent's tape: minimize {@code J(w) = w² − 10w + 25}
 * from w = 0 with gradient descent (lr 0.01) and with Adam (lr 0.1), 1 000 steps each, then the
 * same cost with its coefficients fed as data, {@code x = [1, −10, 25]} into a 3×1 placeholder
 * and {@code J = x[0]·w² + x[1]·w + x[2]}. {@code --data a,b,c} replaces the coefficients (a > 0).
 * Gradient descent gives w = 5 − 5·0.98^t, 4.9999999916 after 1 000 steps.
 */
public final class AutodiffExperiment implements Experiment {
  static final int STEPS = 1000;
  static final double GD_RATE = 0.01;
  static final double ADAM_RATE = 0.1;
  static final double[] COURSE = {1, -10, 25};
  static final int[] SHOWN_STEPS = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

  @Override
  public String name() {
    return "autodiff";
  }

  @Override
  public ExperimentResult run(ExperimentContext context) {
    double[] c = coefficients(context.dataFile());
    // the fed graph first: it checks --data (three coefficients, a > 0) before anything runs
    Trajectory fed = minimizeFed(c, context.dataFile(), Optimizers.gd(GD_RATE));
    long start = System.nanoTime();
    Trajectory gd = minimizeWritten(c, Optimizers.gd(GD_RATE));
    double gdSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    Trajectory adam = minimizeWritten(c, Optimizers.adam(ADAM_RATE));
    double adamSeconds = (System.nanoTime() - start) / 1e9;
    List<RunRow> rows = List.of(row("gd", gd, gdSeconds), row("adam", adam, adamSeconds));
    double best = -c[1] / (2 * c[0]);
    double lowest = c[2] - c[1] * c[1] / (4 * c[0]);
    List<String> details = new ArrayList<>();
    details.add("path of w, J(w) = " + polynomial(c) + ", minimum w* = −b/2a = " + number(best) + " where J = " + number(lowest) + ":");
    details.add(String.format(Locale.ROOT, "  %6s %14s %14s %14s %14s", "step", "gd w", "gd cost", "adam w", "adam cost"));
    for (int step : SHOWN_STEPS) {
      Trajectory.Point g = gd.points().get(step);
      Trajectory.Point a = adam.points().get(step);
      details.add(String.format(Locale.ROOT, "  %6d %14.6f %14.6g %14.6f %14.6g", step, g.scalar("w"), g.cost(), a.scalar("w"), a.cost()));
    }
    details.add(String.format(Locale.ROOT, "after %d steps: gd w = %.3f (%.10f), adam w = %.3f (%.10f)", STEPS,
        gd.last().scalar("w"), gd.last().scalar("w"), adam.last().scalar("w"), adam.last().scalar("w")));
    details.add(String.format(Locale.ROOT, "fed as data: x = [%s, %s, %s] into placeholder x (3×1), J = x[0]·w² + x[1]·w + x[2]:"
        + " gd w = %.10f after %d steps, %s the written cost", number(c[0]), number(c[1]), number(c[2]),
        fed.last().scalar("w"), STEPS, fed.last().scalar("w") == gd.last().scalar("w") ? "exactly as with"
            : String.format(Locale.ROOT, "%.3g from", Math.abs(fed.last().scalar("w") - gd.last().scalar("w")))));
    details.add("(near w* the cost stops at about 1e-15, not 0: float64 rounding of a·w² + b·w + c, whose terms cancel)");
    List<Path> plots = plots(context.out(), gd, adam, lowest);
    return new ExperimentResult(name(),
        "minimize J(w) = " + polynomial(c) + " from w = 0, " + STEPS + " steps: gradient descent lr " + number(GD_RATE)
            + ", Adam lr " + number(ADAM_RATE) + "; the same cost again with the coefficients fed to a placeholder",
        rows, plots,
        List.of("w ≈ 5.000 after 1000 steps, as in the course; gradient descent exactly: w = 5 − 5·0.98^1000 = 4.9999999916"),
        "You write only the forward computation; the tape records each operation as it is written and replays it"
            + " backwards for dJ/dw, the same tape that trains the networks. Gradient descent closes a fixed fraction,"
            + " 2·lr·a, of the gap to w* each step (w = 5 − 5·0.98^t), so it slows as it nears; Adam moves about lr per"
            + " step whatever the gradient's size, overshoots and settles. Feeding the coefficients as data through a"
            + " placeholder leaves the graph unchanged and gives the same path.",
        details);
  }

  /** J = a·w² + b·w + c written with constants. */
  static Trajectory minimizeWritten(double[] c, GradientTransform optimizer) {
    Graph g = new Graph();
    Expr w = g.variable("w", 0.0);
    Expr cost = w.pow(2).mul(c[0]).add(w.mul(c[1])).add(c[2]);
    return Minimizer.minimize(g, cost, optimizer, STEPS);
  }

  /** J = x[0]·w² + x[1]·w + x[2] with x a 3×1 placeholder fed {@code c}. */
  static Trajectory minimizeFed(double[] c, String option, GradientTransform optimizer) {
    Graph g = new Graph();
    Expr w = g.variable("w", 0.0);
    Expr x = g.placeholder("x", 3, 1);
    Expr cost = x.at(0, 0).mul(w.pow(2)).add(x.at(1, 0).mul(w)).add(x.at(2, 0));
    try {
      g.feed("x", Matrix.of(Precision.F64, c.length, 1, c));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("experiment autodiff --data " + option + ": " + e.getMessage()
          + "; give the three coefficients a,b,c of a·w² + b·w + c, e.g. --data 1,-10,25", e);
    }
    requireMinimum(c, option);
    return Minimizer.minimize(g, cost, optimizer, STEPS);
  }

  static RunRow row(String name, Trajectory path, double seconds) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("w", path.last().scalar("w"));
    return new RunRow(name, Double.NaN, Double.NaN, path.last().cost(), seconds, extra);
  }

  /** The course's 1, −10, 25, or {@code --data a,b,c}. */
  static double[] coefficients(String option) {
    if (option == null) {
      return COURSE.clone();
    }
    String[] parts = option.split(",", -1);
    double[] c = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        c[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("experiment autodiff --data " + option + ": '" + parts[i]
            + "' is not a number; give the three coefficients a,b,c of a·w² + b·w + c, e.g. --data 1,-10,25");
      }
      if (!Double.isFinite(c[i])) {
        throw new IllegalArgumentException("experiment autodiff --data " + option + ": " + parts[i]
            + " is not finite; give three finite coefficients, e.g. --data 1,-10,25");
      }
    }
    return c;
  }

  private static void requireMinimum(double[] c, String option) {
    if (!(c[0] > 0)) {
      throw new IllegalArgumentException("experiment autodiff --data " + option + ": a = " + number(c[0])
          + ": must be positive, for a·w² + b·w + c has a minimum only when a > 0, e.g. --data 1,-10,25");
    }
  }

  private static List<Path> plots(Path dir, Trajectory gd, Trajectory adam, double lowest) {
    Path wPlot = dir.resolve("autodiff-w.png");
    Figures.standard().xy(XyPlot.of("autodiff: w over steps", Axis.linear("step"), Axis.linear("w"))
        .line(series("gd (lr " + number(GD_RATE) + ")", gd, true, lowest))
        .line(series("adam (lr " + number(ADAM_RATE) + ")", adam, true, lowest))).writePng(wPlot);
    Path costPlot = dir.resolve("autodiff-cost.png");
    Figures.standard().xy(XyPlot.of("autodiff: cost above its minimum, J(w) − J*", Axis.linear("step"), Axis.log("J(w) − J*"))
        .line(series("gd (lr " + number(GD_RATE) + ")", gd, false, lowest))
        .line(series("adam (lr " + number(ADAM_RATE) + ")", adam, false, lowest))).writePng(costPlot);
    return List.of(wPlot, costPlot);
  }

  private static Series series(String name, Trajectory path, boolean w, double lowest) {
    int n = path.points().size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Trajectory.Point p = path.points().get(i);
      x[i] = p.step();
      y[i] = w ? p.scalar("w") : p.cost() - lowest;
    }
    return new Series(name, x, y);
  }

  /** E.g. "w² − 10w + 25". */
  static String polynomial(double[] c) {
    StringBuilder sb = new StringBuilder(c[0] == 1 ? "" : number(c[0])).append("w²");
    term(sb, c[1], "w");
    term(sb, c[2], "");
    return sb.toString();
  }

  private static void term(StringBuilder sb, double value, String variable) {
    if (value == 0) {
      return;
    }
    sb.append(value < 0 ? " − " : " + ");
    double size = Math.abs(value);
    sb.append(size == 1 && !variable.isEmpty() ? "" : number(size)).append(variable);
  }

  /** 0.01 → "0.01", 5.0 → "5". */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
