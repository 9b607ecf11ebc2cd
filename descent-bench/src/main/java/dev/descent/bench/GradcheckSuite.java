package dev.descent.bench;

import dev.descent.autodiff.Variable;
import dev.descent.check.CheckOptions;
import dev.descent.check.DirectionalCheckReport;
import dev.descent.check.GradientCheck;
import dev.descent.check.GradientCheckReport;
import dev.descent.check.GradientCorruption;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cost of a gradient check with {@link GradientCheck}, float64: a [20,50,30,1]
 * relu/relu/sigmoid network (2 611 parameters, He seed 1, biases 0.1·N(0,1)) on 32 N(0,1)
 * examples with random 0/1 labels. {@code gradcheck-full} is the course's check (two cost
 * evaluations per parameter, ε = 1e-7); {@code gradcheck-directional} compares 8 random
 * directions. Each time is one whole check as a user runs it (the float64 copy, backprop and
 * the evaluations), median of the repeats after three warm-up checks. A negative control, the
 * course lab's corruption (dW2 × 2, db1 × 4), must come out BUG.
 */
final class GradcheckSuite implements Suite {
  static final int[] LAYERS = {20, 50, 30, 1};
  static final int EXAMPLES = 32;
  static final int DIRECTIONS = 8;
  private static final GradientCorruption CONTROL =
      GradientCorruption.scale("W2", 2).andThen(GradientCorruption.scale("b1", 4));

  @Override
  public String name() {
    return "gradcheck";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "GradientCheck of a [20,50,30,1] float64 net on 32 examples (2 611 parameters), full and "
        + DIRECTIONS + " directions, ε 1e-7; median of " + settings.repeatsOr(5) + " check(s) after " + (settings.quick() ? WARMUPS + " warm-up checks" : "warm-up checks for " + WarmUp.SECONDS + " s");
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    Network net = network();
    Rng data = Rng.of(3);
    Matrix x = Matrix.zeros(Precision.F64, EXAMPLES, LAYERS[0]);
    Matrix y = Matrix.zeros(Precision.F64, EXAMPLES, 1);
    for (int k = 0; k < x.size(); k++) {
      x.setFlat(k, data.nextGaussian());
    }
    for (int i = 0; i < EXAMPLES; i++) {
      y.setFlat(i, data.nextDouble() < 0.5 ? 1 : 0);
    }
    int repeats = settings.repeatsOr(5);
    long params = net.parameterCount();
    Timed<GradientCheckReport> full = timed("gradcheck-full", () -> GradientCheck.of(net, x, y).run(), repeats, settings.quick(), log);
    GradientCheckReport fullControl = GradientCheck.of(net, x, y).run(CheckOptions.defaults().withCorruption(CONTROL));
    Map<String, Object> f = details(full.times(), params, 2 * params);
    f.put("difference", full.report().difference());
    f.put("verdict", full.report().verdict().name());
    f.put("negative_control_difference", fullControl.difference());
    f.put("negative_control_verdict", fullControl.verdict().name());

    Supplier<DirectionalCheckReport> directional =
        () -> GradientCheck.of(net, x, y).directional(DIRECTIONS, Rng.of(5), CheckOptions.defaults());
    Timed<DirectionalCheckReport> dir = timed("gradcheck-directional", directional, repeats, settings.quick(), log);
    DirectionalCheckReport dirControl = GradientCheck.of(net, x, y)
        .directional(DIRECTIONS, Rng.of(5), CheckOptions.defaults().withCorruption(CONTROL));
    Map<String, Object> g = details(dir.times(), params, 2L * DIRECTIONS);
    g.put("difference", dir.report().difference());
    g.put("verdict", dir.report().verdict().name());
    g.put("directions", DIRECTIONS);
    g.put("negative_control_difference", dirControl.difference());
    g.put("negative_control_verdict", dirControl.verdict().name());
    return List.of(new BenchResult("gradcheck-full", full.times().median(), "s", f),
        new BenchResult("gradcheck-directional", dir.times().median(), "s", g));
  }

  private static final int WARMUPS = 3;

  private record Timed<R>(R report, Samples times) {}

  /**
   * Untimed warm-up calls ({@link WarmUp}, at least {@value #WARMUPS}), then {@code repeats}
   * timed calls; the last call's report.
   */
  private static <R> Timed<R> timed(String name, Supplier<R> check, int repeats, boolean quick, PrintWriter log) {
    WarmUp.repeat(check::get, WARMUPS, quick);
    double[] seconds = new double[repeats];
    R report = null;
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      report = check.get();
      seconds[r] = (System.nanoTime() - start) / 1e9;
      log.printf("bench gradcheck: %s %d/%d: %.4f s%n", name, r + 1, repeats, seconds[r]);
      log.flush();
    }
    return new Timed<>(report, new Samples(seconds));
  }

  static Network network() {
    Network net = Network.builder(LAYERS[0], Precision.F64, Rng.of(1))
        .dense(LAYERS[1], Init.he()).activation(Activation.RELU)
        .dense(LAYERS[2], Init.he()).activation(Activation.RELU)
        .dense(LAYERS[3], Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    // non-zero biases, so that their gradients are checked at a generic point too
    Rng biases = Rng.of(2);
    for (Variable v : net.parameters()) {
      if (v.name().startsWith("b")) {
        for (int k = 0; k < v.value().size(); k++) {
          v.value().setFlat(k, 0.1 * biases.nextGaussian());
        }
      }
    }
    return net;
  }

  private static Map<String, Object> details(Samples s, long params, long evaluations) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("params", params);
    d.put("cost_evaluations", evaluations);
    d.put("examples", EXAMPLES);
    d.put("epsilon", CheckOptions.defaults().epsilon());
    d.put("dtype", "float64");
    d.put("time_min", s.min());
    d.put("time_max", s.max());
    d.put("runs", s.count());
    return d;
  }
}
