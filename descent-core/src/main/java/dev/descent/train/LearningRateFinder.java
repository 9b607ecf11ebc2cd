package dev.descent.train;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.data.MiniBatches;
import dev.descent.nn.Network;
import dev.descent.nn.Mode;
import dev.descent.nn.Plan;
import dev.descent.optim.Ewa;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.schedule.Per;
import dev.descent.optim.schedule.Schedules;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The learning-rate range test (Smith 2017, as in fastai): trains on mini-batches while the
 * learning rate grows exponentially from {@code lrMin} to {@code lrMax} over {@code steps}
 * updates, {@code lr_i = lrMin·(lrMax/lrMin)^(i/(steps−1))}, and records the training loss
 * smoothed by a bias-corrected EWA (β = 0.98). It stops early when the smoothed loss exceeds 4×
 * the best so far or a loss is not finite, and always puts the network's parameters back.
 *
 * <p>Suggestion rule, "half-way down": the starting level is the smoothed loss after the first
 * tenth of the steps (a bias-corrected average of the first batches, taken while the rate is
 * still too small to matter); the suggestion is the first learning rate after it at which the
 * smoothed loss has come down half-way from that level to the curve's minimum. It picks a rate in
 * the middle of the steep part of the curve without taking a derivative of a noisy curve. On
 * small networks and blobs, with Adam, it landed within a factor 3 of the best constant rate for
 * every seed we tried (fastai's "valley" and "minimum/10" did worse there); for plain gradient
 * descent and momentum it is conservative, 3–25× below the best constant rate, so {@link
 * Result#minimumRate()} is returned too, for the classic "minimum / 10". When the loss never
 * falls below its starting level, the suggestion is the rate at the minimum, near lrMin: a sign
 * that the range starts too high.
 *
 * <p>Defaults: lrMin 1e-6, lrMax 10, 200 steps, batch size 64.
 *
 * <pre>{@code
 * LearningRateFinder.Result r = new LearningRateFinder(LearningRateFinder.Settings.defaults())
 *     .find(network, train, Optimizers::adam, Rng.of(7));
 * r.suggestion();   // e.g. 0.004; r.points() is the (lr, smoothed loss) curve to plot
 * }</pre>
 */
public final class LearningRateFinder {
  /** The weight of the old average in the loss smoothing. */
  public static final double BETA = 0.98;
  /** The run stops when the smoothed loss exceeds this multiple of the best. */
  public static final double DIVERGENCE = 4;

  private final Settings settings;

  /** The range, the number of updates and the batch size, validated. */
  public record Settings(double lrMin, double lrMax, int steps, int batchSize) {
    public Settings {
      Schedule.checkLearningRate(lrMin, "lrMin");
      Schedule.checkLearningRate(lrMax, "lrMax");
      if (!(lrMax > lrMin)) {
        throw new IllegalArgumentException("lrMax = " + lrMax + ": must exceed lrMin = " + lrMin);
      }
      if (steps < 2) {
        throw new IllegalArgumentException("steps = " + steps + ": must be at least 2");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size " + batchSize + ": must be at least 1");
      }
    }

    public static Settings defaults() {
      return new Settings(1e-6, 10, 200, 64);
    }

    public Settings withRange(double min, double max) {
      return new Settings(min, max, steps, batchSize);
    }

    public Settings withSteps(int count) {
      return new Settings(lrMin, lrMax, count, batchSize);
    }

    public Settings withBatchSize(int size) {
      return new Settings(lrMin, lrMax, steps, size);
    }
  }

  /** One point of the curve: the learning rate of an update and the smoothed loss before it. */
  public record Point(double learningRate, double loss) {}

  /**
   * The curve, the suggested learning rate, the rate at the curve's minimum, and whether the run
   * stopped because the loss diverged.
   */
  public record Result(List<Point> points, double suggestion, double minimumRate, boolean diverged) {
    public Result {
      points = List.copyOf(points);
    }
  }

  public LearningRateFinder(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs the range test on {@code network} with the optimizer {@code recipe} builds around the
   * growing schedule (e.g. {@code Optimizers::gd}), on mini-batches of {@code train} shuffled by
   * {@code rng}. The network's parameters are the same afterwards as before.
   */
  public Result find(Network network, Dataset train, Function<Schedule, GradientTransform> recipe, Rng rng) {
    List<Variable> params = network.parameters();
    List<Matrix> saved = new ArrayList<>();
    for (Variable p : params) {
      saved.add(p.value().copy());
    }
    try {
      return sweep(network, train, recipe, rng);
    } finally {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).value().copyFrom(saved.get(i));
      }
    }
  }

  private Result sweep(Network network, Dataset train, Function<Schedule, GradientTransform> recipe, Rng rng) {
    double growth = Math.pow(settings.lrMax() / settings.lrMin(), 1.0 / (settings.steps() - 1));
    Schedule schedule = Schedules.exponential(settings.lrMin(), growth, Per.STEP);
    Optimizer optimizer = new Optimizer(recipe.apply(schedule), network.parameters());
    MiniBatches batches = new MiniBatches(train.size(), settings.batchSize(), rng);
    Ewa smoothing = new Ewa(BETA, true);
    List<Point> points = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    boolean diverged = false;
    int batch = batches.count();
    for (int i = 0; i < settings.steps(); i++) {
      if (batch == batches.count()) {
        batches.shuffle();
        batch = 0;
      }
      Plan step = network.plan(batches.size(batch), Mode.TRAIN);
      step.load(train.features(), train.targets(), batches.order(), batches.start(batch));
      batch++;
      double loss = step.step();
      double smoothed = smoothing.add(loss);
      if (!Double.isFinite(smoothed) || smoothed > DIVERGENCE * best) {
        diverged = true;
        break;
      }
      best = Math.min(best, smoothed);
      optimizer.step();
      points.add(new Point(schedule.rate(optimizer.clock()), smoothed));
    }
    int minimum = argMinimum(points);
    return new Result(points, suggest(points, minimum), points.get(minimum).learningRate(), diverged);
  }

  private static int argMinimum(List<Point> points) {
    if (points.isEmpty()) {
      throw new IllegalStateException("the loss of the first mini-batch, before any update, is not finite; "
          + "check the data and the network");
    }
    int best = 0;
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).loss() < points.get(best).loss()) {
        best = i;
      }
    }
    return best;
  }

  /** The first rate after the start at which the smoothed loss is half-way down to its minimum. */
  private double suggest(List<Point> points, int minimum) {
    int start = Math.min(settings.steps() / 10, minimum);
    double threshold = (points.get(start).loss() + points.get(minimum).loss()) / 2;
    int i = start;
    while (points.get(i).loss() > threshold) {
      i++;
    }
    return points.get(i).learningRate();
  }
}
