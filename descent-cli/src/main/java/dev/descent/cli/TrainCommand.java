package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.plot.Plots;
import dev.descent.cli.report.ReportOptions;
import dev.descent.data.Dataset;
import dev.descent.model.ModelFile;
import dev.descent.nn.Network;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingRun;
import dev.descent.tensor.Rng;
import dev.descent.train.Callback;
import dev.descent.train.HistoryLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code descent train}: trains a network on a data set and saves the model and its plots. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a network; writes the model, a cost curve, (for 2-D data) a decision boundary and"
        + " (for classifiers) the dev set's confusion matrix to --out.")
public final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  NetworkOptions network;

  @Mixin
  TrainingOptions training;

  @Mixin
  BatchNormOptions batchNorm;

  @Mixin
  RegularizationOptions regularization;

  @Mixin
  SplitOptions splitting;

  @Mixin
  OutputOptions output;

  @Mixin
  ReportOptions report;

  @Mixin
  CheckpointOptions checkpoint;

  @Mixin
  ClusterOptions cluster;

  @Mixin
  HistoryOptions history;

  @Override
  public Integer call() {
    try (PlotThread plotThread = PlotThread.start()) {
      return call(plotThread);
    }
  }

  private int call(PlotThread plotThread) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    cluster.syncMode();
    // refused before anything is read or written
    history.check();
    if (cluster.enabled()) {
      return trainOnCluster(out, err, plotThread);
    }
    TrainingSession session = TrainingSession.prepare(data, network, training, splitting.ratios(data.test != null), splitting.normalize(),
        splitting.seed(training.seed), batchNorm.decorator(), regularization);
    session.regularization.warnTo(err);
    Path dir = output.directory();
    dev.descent.run.CheckpointWriter saver = null;
    if (checkpoint.enabled()) {
      Regularization r = session.regularization;
      saver = checkpoint.writer(dir, session.data, session.settings,
          RunOptions.of(data, network, training, splitting.ratios(data.test != null), splitting.normalize(),
              splitting.seed(training.seed), r.lambda(), r.keepProb())
              .withRegularizers(r.recorded(batchNorm.batchNorm)),
          dev.descent.run.CheckpointWriter.NO_HISTORY, r.earlyStopping());
    }
    List<Callback> callbacks = progress(err);
    HistoryLog log = HistoryLog.to(dir, List.of());
    callbacks.add(log);
    if (saver != null) {
      callbacks.add(saver);
    }
    RunResult result = session.run(callbacks);
    return write(out, result, session.settings, session.describe(), session.regularization, log, saver, plotThread);
  }

  private List<Callback> progress(PrintWriter err) {
    List<Callback> callbacks = new ArrayList<>();
    callbacks.add(history.progress(err, "train", output.json));
    return callbacks;
  }

  /**
   * {@code --spark MASTER}: the data stays on the cluster; the driver trains, with the callbacks of
   * a local run (gradient norms, early stopping, history, progress) made once the data's shape is
   * known, then writes what a local run writes.
   */
  private int trainOnCluster(PrintWriter out, PrintWriter err, PlotThread plotThread) {
    dev.descent.run.ClusterRun run = cluster.run(data, network, training, splitting, regularization, batchNorm.batchNorm, checkpoint);
    Path dir = output.directory();
    HistoryLog log = HistoryLog.to(dir, List.of());
    Regularization[] resolved = new Regularization[1];
    dev.descent.run.CheckpointWriter[] saver = new dev.descent.run.CheckpointWriter[1];
    Map<String, Object> settings = new LinkedHashMap<>(run.settings());
    RunResult result = cluster.backend().train(cluster.master, run, prepared -> {
      Regularization r = regularization.resolve(network.spec(), prepared, run.ratios(), Optional.empty());
      r.warnTo(err);
      resolved[0] = r;
      r.putSettings(settings);
      List<Callback> callbacks = new ArrayList<>(r.callbacks());
      callbacks.addAll(progress(err));
      callbacks.add(log);
      saver[0] = checkpoint.writer(dir, prepared, settings, ClusterOptions.recipe(run, cluster.master), r.earlyStopping());
      if (saver[0] != null) {
        callbacks.add(saver[0]);
      }
      return callbacks;
    });
    result = resolved[0].finish(result.withSettings(settings));
    String describe = String.format("data      %s on Spark %s: %d train, %s dev, %s test examples, %d features%s%n"
        + "network   %d → %s → %d%s, %d parameters, %s%n"
        + "training  %s, batch %s, %d epochs, seed %d, --sync %s%n%s", data.data, cluster.master, result.data().train().size(),
        result.data().dev() == null ? "no" : result.data().dev().size(), result.data().test() == null ? "no" : result.data().test().size(),
        result.data().train().featureCount(), result.data().standardizer() == null ? "" : " (standardized on train)",
        result.model().network().inputs(), run.settings().get("hidden"), result.model().network().outputs(),
        batchNorm.batchNorm ? " (batch norm over each partition's share of a batch)" : "",
        result.model().network().parameterCount(), result.model().network().loss().label(), run.settings().get("optimizer"),
        run.settings().get("batch_size"), training.epochs, training.seed, run.sync(), resolved[0].describe());
    return write(out, result, settings, describe, resolved[0], log, saver[0], plotThread);
  }

  /** Writes what every run writes; {@code saver} may be null. */
  private int write(PrintWriter out, RunResult result, Map<String, Object> settings, String describe, Regularization regularized,
      HistoryLog log, dev.descent.run.CheckpointWriter saver, PlotThread plotThread) {
    Path dir = output.directory();
    Path modelPath = dir.resolve("model.descent");
    ModelFile.write(modelPath, result.model());
    // the boundary predicts with the network, which is single-threaded: drawn here; the rest on the plot thread
    plotThread.submit(() -> Plots.cost(result, dir));
    plotThread.drawHere(() -> Plots.boundary(result, dir));
    if (log != null) {
      plotThread.submit(() -> Plots.accuracy(log.rows(), dir));
    }
    ClassReport classes = ClassReport.forRun(result);
    if (classes != null) {
      plotThread.submit(() -> List.of(classes.writeHeatMap(dir.resolve("confusion.png"))));
    }
    if (regularized != null) {
      plotThread.submit(() -> regularized.plots(dir));
    }
    List<Path> plots = plotThread.await();
    Optional<Path> page = report.write(result, settings, plots, modelPath, dir);
    if (output.json) {
      ObjectNode json = Report.object();
      json.put("command", "train");
      json.put("model", modelPath.toString());
      json.put("epochs", result.history().epochs());
      json.set("train", Report.metrics(result.train()));
      if (result.dev() != null) {
        json.set("dev", Report.metrics(result.dev()));
      }
      if (result.test() != null) {
        json.set("test", Report.metrics(result.test()));
      }
      if (!result.history().completed()) {
        json.put("stopped", result.history().stopReason());
      }
      ClassReport.addToSets(json, result);
      if (regularized != null) {
        regularized.report(json, result);
      }
      if (saver != null) {
        json.put("checkpoint", saver.file().toString());
      }
      if (log != null) {
        Report.history(json, log.rows(), history);
      }
      page.ifPresent(p -> json.put("report", p.toString()));
      Report.print(out, json);
    } else {
      Summary.ofRun(out, describe, result, modelPath, plots);
      page.ifPresent(p -> out.println("report    " + p));
      if (saver != null) {
        out.println("checkpoint " + saver.file() + " (every " + checkpoint.every + " epochs; continue with: descent resume " + saver.file() + ")");
      }
      if (classes != null) {
        out.println();
        classes.print(out);
        out.flush();
      }
      if (regularized != null) {
        regularized.summary(out, result);
      }
    }
    return Main.OK;
  }
}
