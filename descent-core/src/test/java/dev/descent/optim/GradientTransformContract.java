package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.Golden;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every gradient transform promises, on the parabola f(W) = ½·Σ d·(W − c)² over three
 * parameters of different shapes (curvatures d in [0.5, 2]): its state survives a checkpoint
 * bit for bit, it converges, float32 follows float64, and it allocates nothing per step.
 */
abstract class GradientTransformContract {

  /** The optimizer under test, with a learning rate that converges on the parabola. */
  abstract GradientTransform transform();

  /** Updates allowed to bring the distance to the minimum below 1% of its start. */
  int stepsToConverge() {
    return 300;
  }

  /** The parabola, with its start, minimum and curvatures drawn from {@code seed}. */
  static final class Parabola {
    final List<Variable> params = new ArrayList<>();
    final List<double[]> minimum = new ArrayList<>();
    final List<double[]> curvature = new ArrayList<>();

    Parabola(Precision precision, long seed) {
      Rng rng = Rng.of(seed);
      int[][] shapes = {{3, 4}, {1, 3}, {2, 2}};
      for (int p = 0; p < shapes.length; p++) {
        Matrix start = Matrix.zeros(precision, shapes[p][0], shapes[p][1]);
        double[] c = new double[start.size()];
        double[] d = new double[start.size()];
        for (int k = 0; k < c.length; k++) {
          start.setFlat(k, rng.nextGaussian());
          c[k] = rng.nextGaussian();
          d[k] = 0.5 + 1.5 * rng.nextDouble();
        }
        params.add(Variable.parameter("P" + p, start));
        minimum.add(c);
        curvature.add(d);
      }
    }

    /** dW = d·(W − c), written into every gradient; no allocation. */
    void gradients() {
      for (int p = 0; p < params.size(); p++) {
        Matrix w = params.get(p).value();
        Matrix g = params.get(p).grad();
        double[] c = minimum.get(p);
        double[] d = curvature.get(p);
        for (int k = 0; k < c.length; k++) {
          g.setFlat(k, d[k] * (w.getFlat(k) - c[k]));
        }
      }
    }

    double distance() {
      double s = 0;
      for (int p = 0; p < params.size(); p++) {
        for (int k = 0; k < minimum.get(p).length; k++) {
          double e = params.get(p).value().getFlat(k) - minimum.get(p)[k];
          s += e * e;
        }
      }
      return Math.sqrt(s);
    }

    void run(Optimizer optimizer, int steps) {
      for (int t = 0; t < steps; t++) {
        gradients();
        optimizer.step();
      }
    }
  }

  @Test
  void stateSurvivesFlattenAndRestoreBitForBit() {
    Parabola original = new Parabola(Precision.F64, 11);
    Optimizer a = new Optimizer(transform(), original.params);
    original.run(a, 7);
    a.clock().setEpoch(2);

    Parabola copy = new Parabola(Precision.F64, 11);
    for (int p = 0; p < copy.params.size(); p++) {
      copy.params.get(p).value().copyFrom(original.params.get(p).value());
    }
    Optimizer b = new Optimizer(transform(), copy.params);
    Map<String, Matrix> saved = new LinkedHashMap<>();
    a.state().flatten(a.parameters()).forEach((path, m) -> saved.put(path, m.copy()));
    b.state().restore(b.parameters(), saved);
    b.restoreClock(a.clock().step(), a.clock().epoch());

    original.run(a, 9);
    copy.run(b, 9);
    for (int p = 0; p < copy.params.size(); p++) {
      assertArrayEquals(original.params.get(p).value().toArray(), copy.params.get(p).value().toArray(),
          "parameter P" + p);
    }
    Map<String, Matrix> stateA = a.state().flatten(a.parameters());
    Map<String, Matrix> stateB = b.state().flatten(b.parameters());
    assertEquals(stateA.keySet(), stateB.keySet());
    stateA.forEach((path, m) -> assertArrayEquals(m.toArray(), stateB.get(path).toArray(), path));
    assertEquals(16, b.clock().step());
  }

  @Test
  void convergesOnAParabola() {
    Parabola parabola = new Parabola(Precision.F64, 5);
    double start = parabola.distance();
    parabola.run(new Optimizer(transform(), parabola.params), stepsToConverge());
    double end = parabola.distance();
    assertTrue(end < 0.01 * start, "distance to the minimum went from " + start + " to " + end
        + " in " + stepsToConverge() + " steps of " + transform().describe());
  }

  @Test
  void float32FollowsFloat64() {
    Parabola f64 = new Parabola(Precision.F64, 8);
    Parabola f32 = new Parabola(Precision.F32, 8);
    for (int p = 0; p < f64.params.size(); p++) {
      f64.params.get(p).value().copyFrom(f32.params.get(p).value());   // the same, float-rounded, start
    }
    f64.run(new Optimizer(transform(), f64.params), 20);
    f32.run(new Optimizer(transform(), f32.params), 20);
    for (int p = 0; p < f64.params.size(); p++) {
      assertTrue(f32.params.get(p).value() instanceof F32Matrix);
      assertTrue(f64.params.get(p).value() instanceof F64Matrix);
      Golden.assertClose(f64.params.get(p).value(), f32.params.get(p).value(), 2e-5, "float32 P" + p);
    }
  }

  @Test
  void allocatesNothingAfterTheFirstStep() {
    Parabola parabola = new Parabola(Precision.F32, 3);
    Optimizer optimizer = new Optimizer(transform(), parabola.params);
    parabola.run(optimizer, 3);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int t = 0; t < 2000; t++) {
      optimizer.step();
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // a few bytes may come from the measurement itself; one object per step would be ≥ 32 kB
    assertTrue(allocated < 1024, transform().describe() + " allocated " + allocated + " bytes in 2000 steps");
  }
}
