package dev.descent.cli.experiment;

import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Network;
import dev.descent.run.NetworkSpec;
import dev.descent.run.OptimizerSpec;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingRun;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The course's initialization lab: circles (300 train / 100 test, noise 0.05), a [2,10,5,1]
 * relu/relu/sigmoid network, gradient descent with lr 0.01 for 15 000 full-batch iterations,
 * from zeros, random ×10, He, and Xavier. By default the notebook replayed (the course's circles,
 * numpy's generator seeded with 3, float64: its figures to the digit); {@code --rng descent} the
 * look-alike circles, Descent's generator and float32.
 */
public final class InitializationExperiment implements Experiment {
  static final int ITERATIONS = 15_000;
  static final double LEARNING_RATE = 0.01;

  @Override
  public String name() {
    return "initialization";
  }

  static final List<String> NAMES = List.of("zeros", "random", "he", "xavier");

  /** The notebook's table: np.random.seed(3), then randn(n, n_prev)·scale layer after layer. */
  static final CourseTable TABLE = new CourseTable(NAMES,
      Map.of("zeros", new CourseFigure(0.5, 0.5), "random", new CourseFigure(0.83, 0.86), "he", new CourseFigure(0.9933, 0.96)), 3) {
    @Override
    RunResult train(String configuration, PreparedData data, Rng.Kind kind, long seed) {
      java.util.function.IntFunction<Init> inits = switch (configuration) {
        case "zeros" -> n -> Init.zeros();
        case "random" -> n -> Init.random(10);
        case "he" -> n -> Init.random(Math.sqrt(2.0 / n));
        case "xavier" -> n -> Init.random(1 / Math.sqrt(n));
        default -> throw new AssertionError(configuration);
      };
      Network net = CourseTable.network(List.of(data.train().featureCount(), 10, 5, 1), inits, kind.seeded(seed), null, List.of());
      return TrainingRun.execute(net, OptimizerSpec.of("gd", LEARNING_RATE).build(),
          new TrainingConfig(ITERATIONS, TrainingConfig.FULL_BATCH, seed, false), data, List.of(), Map.of("init", configuration));
    }
  };

  @Override
  public ExperimentResult run(ExperimentContext context) {
    ExperimentResult r = context.rng() == Rng.Kind.NUMPY ? course(context) : descent(context);
    return context.seeds() > 0 ? TABLE.spread(context, name(), courseData(context), r) : r;
  }

  private ExperimentResult course(ExperimentContext context) {
    PreparedData data = courseData(context);
    CourseTable.Trained trained = TABLE.trainAll(data, context.log(), "initialization: %s init, numpy's generator seeded with 3 …", r -> Map.of());
    List<RunRow> rows = trained.rows();
    List<RunResult> results = trained.results();
    List<Path> plots = ExperimentPlots.costsAndBoundaries(context.out(), "initialization", NAMES.toArray(new String[0]), results);
    String source = context.dataFile() != null ? context.dataFile() : "the course's circles (300 train / 100 test)";
    return new ExperimentResult(name(), source + ", [2,10,5,1] relu/relu/sigmoid, gradient descent lr 0.01, 15 000 "
        + "full-batch iterations, float64; weights as the notebook draws them: np.random.seed(3), randn(n, n_prev)·10, "
        + "·√(2/n_prev) (he), ·1/√n_prev (xavier, not in the course)",
        rows, plots, List.of(), LESSON, List.of(), context.dataFile() == null ? TABLE.figures() : Map.of(), Map.of(), Map.of());
  }

  /** The course's circles, or {@code --data} split 75/25. */
  static PreparedData courseData(ExperimentContext context) {
    if (context.dataFile() != null) {
      return data(context);
    }
    dev.descent.data.generate.CourseData.Sets s = dev.descent.data.generate.CourseData.sets("course-circles");
    return PreparedData.fromSets(s.train(), null, s.test(), false);
  }

  private static final String LESSON = "Zeros never break symmetry: every unit of a layer learns the same thing and the network stays a "
      + "coin flip. Large random weights (×10) saturate the sigmoid output, so the cost starts huge and "
      + "learning is slow. He initialization, scaled √(2/n_prev) for ReLU, trains quickly to an accurate boundary.";

  private ExperimentResult descent(ExperimentContext context) {
    PreparedData data = data(context);
    List<RunRow> rows = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    String[] names = {"zeros", "random", "he", "xavier"};
    Init[] inits = {Init.zeros(), Init.random(10), Init.he(), Init.xavier()};
    for (int i = 0; i < names.length; i++) {
      context.log().printf("initialization: training with %s init …%n", names[i]);
      context.log().flush();
      long start = System.nanoTime();
      NetworkSpec spec = new NetworkSpec(List.of(10, 5), Activation.RELU, inits[i]);
      Network net = spec.build(data.train(), Precision.F32, Rng.of(3), NetworkSpec.LayerDecorator.PLAIN);
      RunResult r = TrainingRun.execute(net, OptimizerSpec.of("gd", LEARNING_RATE).build(),
          new TrainingConfig(ITERATIONS, TrainingConfig.FULL_BATCH, 1, false), data, List.of(), Map.of("init", names[i]));
      double seconds = (System.nanoTime() - start) / 1e9;
      results.add(r);
      rows.add(new RunRow(names[i], r.train().accuracy(), r.test() == null ? Double.NaN : r.test().accuracy(),
          r.history().lastTrainCost(), seconds, Map.of()));
    }
    List<Path> plots = ExperimentPlots.costsAndBoundaries(context.out(), "initialization", names, results);
    return new ExperimentResult(name(),
        "look-alike circles (300 train / 100 test, noise 0.05), float32, [2,10,5,1] relu/relu/sigmoid, gradient descent lr 0.01, 15 000 full-batch iterations",
        rows, plots, List.of("the look-alike circles and Descent's generator: expect other figures than the course's"),
        LESSON, List.of(), context.dataFile() == null ? TABLE.figures() : Map.of(), Map.of(), Map.of());
  }

  static PreparedData data(ExperimentContext context) {
    if (context.dataFile() != null) {
      Dataset all = dev.descent.run.DataSource.load(dev.descent.run.DataRequest.file(context.dataFile()));
      return PreparedData.prepare(all, null, new double[] {75, 0, 25}, false, 1);
    }
    Dataset train = Generators.circles(300, 0.05, 0.8, Rng.of(1));
    Dataset test = Generators.circles(100, 0.05, 0.8, Rng.of(2));
    return PreparedData.fromSets(train, null, test, false);
  }
}
