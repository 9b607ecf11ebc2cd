package dev.descent.cli.experiment;

import dev.descent.data.Dataset;
import dev.descent.data.generate.FootballOptions;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Init;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.L2Penalty;
import dev.descent.regularize.MaskSource;
import dev.descent.tensor.Matrix;
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
import java.util.Locale;
import java.util.Map;

/**
 * The course's regularization lab: where should the goalkeeper kick the ball? A [2,20,3,1]
 * relu/relu/sigmoid network (weights drawn ×√(1/n_prev), the lab's init), gradient descent at
 * rate 0.3 for 30 000 full-batch iterations, without regularization, with L2 (λ = 0.7), and with
 * inverted dropout (keep probability 0.86 after both hidden layers). The data: the built-in
 * football set (400 points, split 50/50, no standardization), or with {@code --data FILE.mat}
 * the course's data.mat ({@code X}, {@code y} to train, {@code Xval}, {@code yval} to test,
 * examples as rows).
 */
public final class RegularizationExperiment implements Experiment {
  static final int ITERATIONS = 30_000;
  static final double LEARNING_RATE = 0.3;
  static final double LAMBDA = 0.7;
  static final double KEEP_PROB = 0.86;
  static final List<Integer> HIDDEN = List.of(20, 3);

  @Override
  public String name() {
    return "regularization";
  }

  static final List<String> NAMES = List.of("none", "l2", "dropout");

  /** The notebook's table: np.random.seed(3), randn·1/√n_prev; with dropout, np.random.seed(1) before every forward pass. */
  static final CourseTable TABLE = new CourseTable(NAMES,
      Map.of("none", new CourseFigure(0.9479, 0.915), "l2", new CourseFigure(0.9384, 0.93), "dropout", new CourseFigure(0.9289, 0.95)), 3) {
    @Override
    RunResult train(String configuration, PreparedData data, Rng.Kind kind, long seed) {
      Dataset train = data.residentTrain("the regularization experiment");
      List<CostTerm> terms = configuration.equals("l2") ? List.of(new L2Penalty(LAMBDA)) : List.of();
      java.util.function.IntFunction<dev.descent.nn.Layer> dropout = null;
      if (configuration.equals("dropout")) {
        Matrix[] masks = kind == Rng.Kind.NUMPY ? notebookMasks(train.size()) : null;
        dropout = l -> masks == null ? Dropout.keep(KEEP_PROB) : Dropout.keep(KEEP_PROB).withMasks(MaskSource.fixed(masks[l - 1]));
      }
      Network net = CourseTable.network(List.of(train.featureCount(), HIDDEN.get(0), HIDDEN.get(1), 1),
          n -> Init.random(1 / Math.sqrt(n)), kind.seeded(seed), dropout, terms);
      return TrainingRun.execute(net, OptimizerSpec.of("gd", LEARNING_RATE).build(),
          new TrainingConfig(ITERATIONS, TrainingConfig.FULL_BATCH, seed, false), data, List.of(), Map.of("regularization", configuration));
    }
  };

  /**
   * The notebook's dropout masks: it reseeds with 1 before every forward pass, so D1 and D2 are the
   * same on every iteration: {@code rand(20, m) < 0.86}, then {@code rand(3, m) < 0.86}, units ×
   * examples in numpy, transposed here (examples are rows).
   */
  static Matrix[] notebookMasks(int m) {
    Rng rng = Rng.numpy(1);
    Matrix[] masks = new Matrix[HIDDEN.size()];
    for (int l = 0; l < masks.length; l++) {
      masks[l] = Matrix.zeros(Precision.F64, m, HIDDEN.get(l));
      for (int unit = 0; unit < HIDDEN.get(l); unit++) {
        for (int i = 0; i < m; i++) {
          masks[l].set(i, unit, rng.nextDouble() < KEEP_PROB ? 1 : 0);
        }
      }
    }
    return masks;
  }

  @Override
  public ExperimentResult run(ExperimentContext context) {
    ExperimentResult r = context.rng() == Rng.Kind.NUMPY ? course(context) : descent(context);
    return context.seeds() > 0 ? TABLE.spread(context, name(), courseData(context), r) : r;
  }

  /** The course's football (data.mat), or {@code --data FILE.mat}. */
  static PreparedData courseData(ExperimentContext context) {
    if (context.dataFile() != null) {
      return CourseMat.read(context.dataFile());
    }
    dev.descent.data.generate.CourseData.Sets s = dev.descent.data.generate.CourseData.sets("course-football");
    return PreparedData.fromSets(s.train(), null, s.test(), false);
  }

  private ExperimentResult course(ExperimentContext context) {
    PreparedData data = courseData(context);
    CourseTable.Trained trained = TABLE.trainAll(data, context.log(), "regularization: %s, numpy's generator seeded with 3 …", RegularizationExperiment::gap);
    List<RunRow> rows = trained.rows();
    List<RunResult> results = trained.results();
    List<Path> plots = ExperimentPlots.costsAndBoundaries(context.out(), name(), NAMES.toArray(new String[0]), results);
    String source = context.dataFile() != null ? context.dataFile() : "the course's football (data.mat)";
    return new ExperimentResult(name(), String.format(Locale.ROOT,
        "%s (%d train / %d test), [2,20,3,1] relu/relu/sigmoid, init as the notebook draws it (np.random.seed(3), "
            + "randn·1/√n_prev), gradient descent lr 0.3, 30 000 full-batch iterations, float64; l2: λ = 0.7; dropout: keep "
            + "probability 0.86 after both hidden layers, np.random.seed(1) before every forward pass (so the same masks "
            + "on every pass, as in the notebook)", source, data.train().size(), data.test().size()),
        rows, plots, List.of(), LESSON, List.of(), context.dataFile() == null ? TABLE.figures() : Map.of(), Map.of(), Map.of());
  }

  private static Map<String, Object> gap(RunResult r) {
    return Map.of("train_test_gap", new AccuracyGap(r.train().accuracy() - r.test().accuracy()));
  }

  private static final String LESSON = "Without regularization the network bends its boundary around single mislabelled points: high training "
      + "accuracy, a wider gap to the test set (variance). L2 shrinks the weights (λ/2m·Σ‖W‖² in the cost), which "
      + "keeps the boundary smooth; dropout keeps each unit from relying on particular others. Both trade a little "
      + "training accuracy for a smaller train–test gap. Dropout is used in training only, and the cost it reports "
      + "is of a different random network each step, so its curve is noisy.";

  private ExperimentResult descent(ExperimentContext context) {
    PreparedData data = data(context);
    String source = context.dataFile() != null ? context.dataFile() : "built-in football (400 points, seed 1, split 50/50)";
    String[] names = {"none", "l2", "dropout"};
    List<RunRow> rows = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (String name : names) {
      context.log().printf("regularization: training %s …%n", name);
      context.log().flush();
      long start = System.nanoTime();
      Network net = network(name, data.residentTrain("the regularization experiment"));
      RunResult r = TrainingRun.execute(net, OptimizerSpec.of("gd", LEARNING_RATE).build(),
          new TrainingConfig(ITERATIONS, TrainingConfig.FULL_BATCH, 1, false), data, List.of(), Map.of("regularization", name));
      double seconds = (System.nanoTime() - start) / 1e9;
      results.add(r);
      double test = r.test().accuracy();
      rows.add(new RunRow(name, r.train().accuracy(), test, r.history().lastTrainCost(), seconds,
          Map.<String, Object>of("train_test_gap", new AccuracyGap(r.train().accuracy() - test))));
    }
    List<Path> plots = ExperimentPlots.costsAndBoundaries(context.out(), name(), names, results);
    return new ExperimentResult(name(), String.format(Locale.ROOT,
        "%s (%d train / %d test), [2,20,3,1] relu/relu/sigmoid, init ×√(1/n_prev), gradient descent lr 0.3, 30 000 "
            + "full-batch iterations; l2: λ = 0.7; dropout: keep probability 0.86 after both hidden layers",
        source, data.train().size(), data.test().size()),
        rows, plots, List.of("the look-alike football set is another draw than the course's data.mat, so its figures differ: read the gaps"),
        LESSON, List.of(), context.dataFile() == null ? TABLE.figures() : Map.of(), Map.of(), Map.of());
  }

  /** The lab's network: Xavier-scaled weights (×√(1/n_prev)), L2 or dropout as {@code name} says. */
  static Network network(String name, Dataset train) {
    double keep = name.equals("dropout") ? KEEP_PROB : 1;
    List<CostTerm> terms = name.equals("l2") ? List.of(new L2Penalty(LAMBDA)) : List.of();
    NetworkSpec.LayerDecorator decorator = new NetworkSpec.LayerDecorator() {
      @Override
      public void hidden(NetworkBuilder b, int layer, int units, Init init, Activation activation) {
        b.dense(units, init).activation(activation);
        if (keep < 1) {
          b.layer(Dropout.keep(keep));
        }
      }

      @Override
      public void finish(NetworkBuilder b) {
        terms.forEach(b::costTerm);
      }
    };
    return new NetworkSpec(HIDDEN, Activation.RELU, Init.xavier()).build(train, Precision.F32, Rng.of(3), decorator);
  }

  static PreparedData data(ExperimentContext context) {
    if (context.dataFile() != null) {
      return CourseMat.read(context.dataFile());
    }
    Dataset all = Generators.football(FootballOptions.defaults(), Rng.of(1));
    return PreparedData.prepare(all, null, new double[] {50, 0, 50}, false, 1);
  }
}
