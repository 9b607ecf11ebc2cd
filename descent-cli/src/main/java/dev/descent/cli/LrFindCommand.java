package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.XyPlot;
import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.optim.Schedule;
import dev.descent.run.NetworkSpec;
import dev.descent.run.OptimizerSpec;
import dev.descent.run.PreparedData;
import dev.descent.tensor.Rng;
import dev.descent.train.LearningRateFinder;
import dev.descent.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent lr-find}: the learning-rate range test ({@link LearningRateFinder}) on the
 * training share of {@code --data}, with the network and optimizer {@code train} would build
 * from the same options. Prints the suggested rate and how it was chosen, and writes the smoothed
 * loss against the rate (log axes, a line at the suggestion) to {@code --out}/lr-find.png.
 *
 * <pre>
 * descent lr-find --data moons --optimizer adam
 * # suggested learning rate 0.0123 …
 * </pre>
 */
@Command(name = "lr-find", mixinStandardHelpOptions = true, defaultValueProvider = CoreDefaults.class, sortOptions = false,
    description = "Learning-rate range test: train briefly while the rate grows from --lr-min to --lr-max, "
        + "and suggest a rate half-way down the fall of the loss; writes lr-find.png to --out.")
public final class LrFindCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  NetworkOptions network;

  @Mixin
  TrainingOptions training;

  @Option(names = "--lr-min", paramLabel = "RATE",
      description = "First learning rate of the sweep (default: ${DEFAULT-VALUE}).")
  double lrMin;

  /** The largest rate a sweep may reach. */
  static final double MAX_RATE = 1e6;

  @Option(names = "--lr-max", paramLabel = "RATE",
      description = "Last learning rate of the sweep (default: ${DEFAULT-VALUE}).")
  double lrMax;

  @Option(names = "--steps", paramLabel = "N",
      description = "Updates (one mini-batch each) over the sweep (default: ${DEFAULT-VALUE}).")
  int steps;

  @Mixin
  SplitOptions splitting;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    rejectTrainingOnlyOptions();
    checkRange();
    OptimizerSpec optimizer = training.optimizerSpec();
    checkOptimizer(optimizer);
    NetworkSpec shape = network.spec();
    int batchSize = training.batchSize();
    Dataset all = data.load();
    PreparedData prepared = PreparedData.prepare(all, data.loadTest(),
        splitting.ratios(data.test != null), splitting.normalize(), training.seed()).requireRepresentable(training.precision());
    Network net = shape.build(prepared.train(), training.precision(), Rng.of(training.seed()),
        NetworkSpec.LayerDecorator.PLAIN);
    LearningRateFinder.Settings settings = new LearningRateFinder.Settings(lrMin, lrMax, steps,
        batchSize == TrainingConfig.FULL_BATCH ? prepared.train().size() : batchSize);
    LearningRateFinder.Result r = new LearningRateFinder(settings)
        .find(net, prepared.residentTrain("lr-find"), optimizer::build, Rng.of(training.seed()).fork("lr-find", 0));
    Curve curve = Curve.of(r, steps);
    Path plot = output.directory().resolve("lr-find.png");
    Figures.standard().xy(plot(curve, r.suggestion())).writePng(plot);
    PrintWriter out = spec.commandLine().getOut();
    if (output.jsonOption.json) {
      ObjectNode json = Report.object();
      json.put("command", "lr-find");
      json.put("suggested_lr", r.suggestion());
      json.put("points", r.points().size());
      json.put("plot", plot.toString());
      json.put("chosen", curve.method(r));
      json.put("minimum_lr", r.minimumRate());
      json.put("diverged", r.diverged());
      if (curve.neverFell()) {
        json.put("warning", NEVER_FELL);
      }
      Report.print(out, json);
    } else {
      printSummary(out, prepared, r, curve, plot);
    }
    return Main.OK;
  }

  static final String NEVER_FELL = "the loss did not fall over the sweep: the range starts too high; try a smaller --lr-min";

  /**
   * The sweep read back for the report: the rates and smoothed losses, where the loss was lowest,
   * and whether it ever fell below its level after the first tenth of the sweep (the finder's
   * starting level).
   */
  record Curve(double[] rates, double[] losses, int minimum, boolean neverFell) {
    static Curve of(LearningRateFinder.Result r, int steps) {
      int n = r.points().size();
      double[] rates = new double[n];
      double[] losses = new double[n];
      int minimum = 0;
      for (int i = 0; i < n; i++) {
        rates[i] = r.points().get(i).learningRate();
        losses[i] = r.points().get(i).loss();
        if (losses[i] < losses[minimum]) {
          minimum = i;
        }
      }
      return new Curve(rates, losses, minimum, minimum <= steps / 10);
    }

    String method(LearningRateFinder.Result r) {
      if (neverFell) {
        return String.format("at the minimum of the smoothed loss, %.4g at %.3g, since it never fell below its level "
            + "after the first tenth of the sweep", losses[minimum], rates[minimum]);
      }
      return String.format("half-way down: the first rate at which the smoothed loss had come down half-way from "
          + "its level after the first tenth of the sweep to its minimum, %.4g at %.3g (the classic rule, minimum / 10, "
          + "would give %.3g)", losses[minimum], rates[minimum], r.minimumRate() / 10);
    }
  }

  /** --lr, --schedule and --epochs would be silently ignored: the sweep sets the rate and the length. */
  private void rejectTrainingOnlyOptions() {
    for (String name : new String[] {"--lr", "--schedule", "--epochs"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new UsageException(name + ": lr-find sweeps the learning rate itself from --lr-min to --lr-max over "
            + "--steps updates; drop " + name);
      }
    }
  }

  private void checkRange() {
    if (!(lrMin > 0 && Double.isFinite(lrMin))) {
      throw new UsageException("--lr-min " + lrMin + ": must be positive and finite, e.g. --lr-min 1e-6");
    }
    if (!(lrMax > lrMin && lrMax <= MAX_RATE && Double.isFinite(lrMax / lrMin))) {
      throw new UsageException("--lr-max " + lrMax + ": must be above --lr-min " + lrMin + " and at most " + (long) MAX_RATE
          + " (no network trains at larger rates), e.g. --lr-max 10");
    }
    if (steps < 10) {
      throw new UsageException("--steps " + steps + ": must be at least 10 (the first tenth of the sweep sets the "
          + "starting level); 200 is usual");
    }
  }

  /** Bad optimizer settings (β, ε, weight decay, unknown name) fail before any data is loaded. */
  private static void checkOptimizer(OptimizerSpec optimizer) {
    try {
      optimizer.build(Schedule.constant(1));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The smoothed loss against the rate, log axes, a line at the suggestion. */
  static XyPlot plot(Curve curve, double suggestion) {
    XyPlot p = XyPlot.lrRangeTest(curve.rates(), curve.losses(), suggestion);
    // a log loss axis, so that the jump where the sweep diverges does not flatten the rest
    return new XyPlot(p.title(), p.x(), Axis.log("smoothed loss"), p.dots(), p.lines(), p.verticalLines(), p.markers(), p.notes(), p.styles());
  }

  private void printSummary(PrintWriter out, PreparedData prepared, LearningRateFinder.Result r, Curve curve, Path plot) {
    out.printf("data      %s: %d training examples, %d features%s%n", data.data, prepared.train().size(),
        prepared.train().featureCount(), prepared.standardizer() == null ? "" : " (standardized on train)");
    out.printf("sweep     %s from %.3g to %.3g over %d updates, batch %s: %s%n", training.optimizer, lrMin, lrMax,
        steps, training.batchSize, r.diverged() ? "stopped after " + r.points().size()
            + " updates, the loss diverged" : "completed");
    out.println();
    out.printf("suggested learning rate %.3g%n", r.suggestion());
    out.println("  chosen " + curve.method(r));
    if (curve.neverFell()) {
      out.println("  warning: " + NEVER_FELL);
    }
    out.printf("  try: descent train --data %s --optimizer %s --lr %.3g%n", data.data, training.optimizer, r.suggestion());
    out.println();
    out.println("plot      " + plot);
    out.flush();
  }
}
