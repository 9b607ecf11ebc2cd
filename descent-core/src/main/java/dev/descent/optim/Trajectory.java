package dev.descent.optim;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path of a {@link Minimizer#minimize} run: at sampled steps, the cost and the variables' values
 * (copies). Step 0 is the start, before any update; the cost at step t is the cost after t updates.
 */
public record Trajectory(List<Point> points) {
  public Trajectory {
    points = List.copyOf(points);
  }

  /** The cost and the variables' values after {@code step} updates. */
  public record Point(int step, double cost, Map<String, Matrix> values) {
    public Point {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Point of(int step, double cost, List<Variable> variables) {
      Map<String, Matrix> values = new LinkedHashMap<>();
      for (Variable v : variables) {
        values.put(v.name(), v.value().copy());
      }
      return new Point(step, cost, values);
    }

    /** The value of 1×1 variable {@code name}. */
    public double scalar(String name) {
      Matrix m = values.get(name);
      if (m == null) {
        throw new IllegalArgumentException("no variable '" + name + "' in this trajectory; it has " + values.keySet());
      }
      if (m.size() != 1) {
        throw new IllegalArgumentException("'" + name + "' is " + m.shape() + ", not a scalar");
      }
      return m.getFlat(0);
    }
  }

  /** The first sample, step 0. */
  public Point first() {
    return points.get(0);
  }

  /** The last sample, after every step. */
  public Point last() {
    return points.get(points.size() - 1);
  }
}
