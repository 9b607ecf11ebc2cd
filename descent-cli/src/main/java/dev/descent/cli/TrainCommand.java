package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
  HistoryOptions history;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // refused before anything is read or written
    history.check();
    RegularizationOptions.Recorded recorded = checkpoint.enabled() ? regularization.forCheckpoint(network.hidden, batchNorm.batchNorm) : null;
    TrainingSession session = TrainingSession.prepare(data, network, training, splitting.ratios(data.test != null), splitting.normalize(),
        splitting.seed(training.seed),
        batchNorm.decorator(), regularization);
    session.regularization.warnTo(err);
    List<Callback> callbacks = new ArrayList<>();
    callbacks.add(history.progress(err, "train", output.json));
    Path dir = output.directory();
    HistoryLog log = HistoryLog.to(dir, List.of());
    callbacks.add(log);
    dev.descent.run.CheckpointWriter saver = null;
    if (checkpoint.enabled()) {
      saver = checkpoint.writer(dir, session.data, session.settings,
          RunOptions.of(data, network, training, splitting.ratios(data.test != null), splitting.normalize(),
              splitting.seed(training.seed), recorded.lambda(), recorded.keepProb()),
          dev.descent.run.CheckpointWriter.NO_HISTORY);
    }
    if (saver != null) {
      callbacks.add(saver);
    }
    RunResult result = session.run(callbacks);
    Path modelPath = dir.resolve("model.descent");
    ModelFile.write(modelPath, result.model());
    List<Path> plots = new ArrayList<>(Plots.forRun(result, dir));
    plots.addAll(Plots.accuracy(log.rows(), dir));
    ClassReport classes = ClassReport.forRun(result);
    if (classes != null) {
      plots.add(classes.writeHeatMap(dir.resolve("confusion.png")));
    }
    plots.addAll(session.regularization.plots(dir));
    Optional<Path> page = report.write(result, session.settings, plots, modelPath, dir);
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
      session.regularization.report(json, result);
      if (saver != null) {
        json.put("checkpoint", saver.file().toString());
      }
      Report.history(json, log.rows(), history);
      page.ifPresent(p -> json.put("report", p.toString()));
      Report.print(out, json);
    } else {
      Summary.ofRun(out, session.describe(), result, modelPath, plots);
      page.ifPresent(p -> out.println("report    " + p));
      if (saver != null) {
        out.println("checkpoint " + saver.file() + " (every " + checkpoint.every + " epochs; continue with: descent resume " + saver.file() + ")");
      }
      if (classes != null) {
        out.println();
        classes.print(out);
        out.flush();
      }
      session.regularization.summary(out, result);
    }
    return Main.OK;
  }
}
