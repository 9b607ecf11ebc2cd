package dev.descent.optim;

import dev.descent.autodiff.Expr;
import dev.descent.autodiff.Graph;
import dev.descent.autodiff.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimizes a user's own cost, written with {@link Graph}, with the optimizers networks train with:
 * the course's first TensorFlow program. Each step replays the graph's tape backward, applies one
 * {@link Optimizer} step to the variables the cost depends on, and replays it forward. (It lives
 * here, above the tape, so that the tape knows nothing of optimizers.)
 *
 * <pre>{@code
 * Graph g = new Graph();
 * Expr w = g.variable("w", 0.0);
 * Expr cost = w.pow(2).sub(w.mul(10)).add(25);         // (w − 5)²
 * Trajectory path = Minimizer.minimize(g, cost, Optimizers.gd(0.01), 1000, 100);
 * path.last().scalar("w");                              // 5 − 5·0.98^1000 = 4.9999999916
 * }</pre>
 */
public final class Minimizer {
  private Minimizer() {}

  /** {@link #minimize(Graph, Expr, GradientTransform, int, int)} sampling every step. */
  public static Trajectory minimize(Graph graph, Expr cost, GradientTransform transform, int steps) {
    return minimize(graph, cost, transform, steps, 1);
  }

  /**
   * Runs {@code steps} updates of the variables that {@code cost} depends on, with a fresh {@link
   * Optimizer} over {@code transform}, replaying the same tape each step. The trajectory holds
   * step 0 (the start), every {@code every}-th step and the last, each with the cost and copies of
   * the variables' values at that point.
   */
  public static Trajectory minimize(Graph graph, Expr cost, GradientTransform transform, int steps, int every) {
    Graph.requireScalar(cost, "minimize");
    if (steps < 0) {
      throw new IllegalArgumentException("minimize: steps = " + steps + ": must not be negative");
    }
    if (every < 1) {
      throw new IllegalArgumentException("minimize: every = " + every + ": must be at least 1 (sample every step)");
    }
    List<Variable> params = graph.variables(cost);
    if (params.isEmpty()) {
      throw new IllegalArgumentException("minimize: '" + cost.name() + "' depends on no variable; nothing to minimize");
    }
    Optimizer optimizer = new Optimizer(transform, params);
    List<Trajectory.Point> points = new ArrayList<>();
    points.add(Trajectory.Point.of(0, graph.forward(cost), params));
    for (int t = 1; t <= steps; t++) {
      // no allocation after the first step, but for the sampled copies
      graph.backward(cost);
      optimizer.step();
      double c = graph.forward(cost);
      if (t % every == 0 || t == steps) {
        points.add(Trajectory.Point.of(t, c, params));
      }
    }
    return new Trajectory(points);
  }
}
