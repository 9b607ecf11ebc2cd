package dev.descent.cli.experiment;

import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.nn.Activation;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.run.PreparedData;
import dev.descent.tensor.Precision;
import java.util.function.IntFunction;
import dev.descent.run.RunResult;
import dev.descent.tensor.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the course's three tables (initialization, optimization, regularization): its
 * configurations, the figures the course prints, and how to train one configuration from a
 * generator of either kind. With numpy's generator at the notebook's seed a row replays the
 * notebook; {@link #spread} reruns every configuration with seeds 1 … N of Descent's generator.
 */
abstract class CourseTable {
  private final List<String> configurations;
  private final Map<String, CourseFigure> figures;
  private final long notebookSeed;

  /** {@code figures} for some of {@code configurations}; they are kept in table order. */
  CourseTable(List<String> configurations, Map<String, CourseFigure> figures, long notebookSeed) {
    this.configurations = List.copyOf(configurations);
    Map<String, CourseFigure> ordered = new LinkedHashMap<>();
    for (String configuration : this.configurations) {
      if (figures.containsKey(configuration)) {
        ordered.put(configuration, figures.get(configuration));
      }
    }
    if (ordered.size() != figures.size()) {
      throw new IllegalArgumentException("figures for configurations the table does not have: " + figures.keySet());
    }
    this.figures = Collections.unmodifiableMap(ordered);
    this.notebookSeed = notebookSeed;
  }

  /** The rows, in table order. */
  final List<String> configurations() {
    return configurations;
  }

  /** The course's figures, by configuration in table order (some configurations are Descent's own and have none). */
  final Map<String, CourseFigure> figures() {
    return figures;
  }

  /** The seed the notebook passes to np.random.seed before it initializes. */
  final long notebookSeed() {
    return notebookSeed;
  }

  /** Trains {@code configuration} on {@code data} in float64 from a generator of {@code kind} seeded with {@code seed}. */
  abstract RunResult train(String configuration, PreparedData data, Rng.Kind kind, long seed);

  /** The spread over seeds 1 … {@code seeds} and its plots, added to {@code result}. */
  ExperimentResult spread(ExperimentContext context, String experiment, PreparedData data, ExperimentResult result) {
    Map<String, Spread> train = new LinkedHashMap<>();
    Map<String, Spread> test = new LinkedHashMap<>();
    for (String configuration : configurations()) {
      double[] trainAccuracy = new double[context.seeds()];
      double[] testAccuracy = new double[context.seeds()];
      for (int s = 1; s <= context.seeds(); s++) {
        context.log().printf("%s: %s, seed %d of %d (Descent's generator) …%n", experiment, configuration, s, context.seeds());
        context.log().flush();
        RunResult r = train(configuration, data, Rng.Kind.DESCENT, s);
        trainAccuracy[s - 1] = r.train().accuracy();
        testAccuracy[s - 1] = r.test() == null ? Double.NaN : r.test().accuracy();
      }
      train.put(configuration, Spread.of(trainAccuracy));
      if (!Double.isNaN(testAccuracy[0])) {
        test.put(configuration, Spread.of(testAccuracy));
      }
    }
    List<Path> plots = new ArrayList<>(result.plots());
    plots.add(plot(context.out().resolve(experiment + "-spread-train.png"), experiment + ": training accuracy over "
        + context.seeds() + " seeds", train, true));
    if (!test.isEmpty()) {
      plots.add(plot(context.out().resolve(experiment + "-spread-test.png"), experiment + ": test accuracy over "
          + context.seeds() + " seeds", test, false));
    }
    return new ExperimentResult(result.name(), result.setting(), result.runs(), plots, result.reference(), result.lesson(),
        result.details(), result.course(), train, test);
  }

  /** One dot per seed at x = the configuration's number (spread sideways), the course's figure as a larger dot. */
  private Path plot(Path file, String title, Map<String, Spread> spreads, boolean trainSet) {
    List<String> names = configurations();
    StringBuilder axis = new StringBuilder();
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Double> courseX = new ArrayList<>();
    List<Double> courseY = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      axis.append(i == 0 ? "" : ", ").append(i + 1).append(" ").append(names.get(i));
      Spread s = spreads.get(names.get(i));
      if (s == null) {
        continue;
      }
      double[] v = s.values();
      for (int k = 0; k < v.length; k++) {
        xs.add(i + 1 + (v.length == 1 ? 0 : 0.3 * (k / (v.length - 1.0) - 0.5)));
        ys.add(100 * v[k]);
      }
      CourseFigure f = figures().get(names.get(i));
      if (f != null) {
        courseX.add(i + 1.0);
        courseY.add(100 * (trainSet ? f.train() : f.test()));
      }
    }
    XyPlot plot = XyPlot.of(title, Axis.linear(axis.toString()), Axis.linear("accuracy (%)"))
        .dots(new Series("seeds 1…" + spreads.values().iterator().next().values().length + " (Descent's generator)", array(xs), array(ys)));
    if (!courseX.isEmpty()) {
      plot = plot.dots(new Series("the course (numpy, its seed)", array(courseX), array(courseY)));
    }
    Figures.standard().xy(plot).writePng(file);
    return file;
  }

  private static double[] array(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  /**
   * The notebooks' network in float64: dense layers of {@code dims} (inputs first), ReLU after
   * each hidden one followed by {@code afterHidden}'s layer for it (1-based; null for none), a
   * sigmoid output with cross-entropy, and {@code terms}. Weights are drawn layer after layer from
   * {@code rng} as N(0,1)·scale with the init {@code inits} gives for the layer's fan-in, so
   * that the scale is computed as the notebook writes it ({@code 1/np.sqrt(n)} is not always
   * {@code np.sqrt(1/n)}).
   */
  static Network network(List<Integer> dims, IntFunction<Init> inits, Rng rng, IntFunction<Layer> afterHidden,
      List<CostTerm> terms) {
    NetworkBuilder b = Network.builder(dims.get(0), Precision.F64, rng);
    for (int l = 1; l < dims.size(); l++) {
      b.dense(dims.get(l), inits.apply(dims.get(l - 1)));
      if (l < dims.size() - 1) {
        b.activation(Activation.RELU);
        Layer extra = afterHidden == null ? null : afterHidden.apply(l);
        if (extra != null) {
          b.layer(extra);
        }
      }
    }
    b.loss(Loss.BINARY_CROSS_ENTROPY);
    terms.forEach(b::costTerm);
    return b.build();
  }

  /** A run's row: accuracies, final cost, seconds. */
  /** Every configuration trained as the notebook trains it; the rows with {@code extra} columns of each. */
  record Trained(List<RunRow> rows, List<RunResult> results) {}

  Trained trainAll(PreparedData data, java.io.PrintWriter log, String progress,
      java.util.function.Function<RunResult, Map<String, Object>> extra) {
    List<RunRow> rows = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (String n : configurations()) {
      log.printf(progress + "%n", n);
      log.flush();
      long start = System.nanoTime();
      RunResult r = train(n, data, Rng.Kind.NUMPY, notebookSeed());
      results.add(r);
      rows.add(row(n, r, (System.nanoTime() - start) / 1e9, extra.apply(r)));
    }
    return new Trained(rows, results);
  }

  static RunRow row(String name, RunResult r, double seconds, Map<String, Object> extra) {
    return new RunRow(name, r.train().accuracy(), r.test() == null ? Double.NaN : r.test().accuracy(),
        r.history().lastTrainCost(), seconds, extra);
  }
}
