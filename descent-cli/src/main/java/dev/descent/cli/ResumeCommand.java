package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.plot.Plots;
import dev.descent.model.Checkpoint;
import dev.descent.model.ModelFile;
import dev.descent.regularize.EarlyStopping;
import dev.descent.run.CheckpointWriter;
import dev.descent.run.ClusterRun;
import dev.descent.run.ResumedRun;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingSettings;
import dev.descent.train.Callback;
import dev.descent.train.HistoryFile;
import dev.descent.train.HistoryLog;
import dev.descent.train.HistoryRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent resume CHECKPOINT}: continues a run saved by {@code train --checkpoint-every}.
 * Unchanged, it ends with exactly the parameters the run would have had without the stop.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Continue a training run from a checkpoint (train --checkpoint-every N): the same data, network, optimizer state, "
        + "shuffles and dropout masks, so that an unchanged run ends exactly as if it had never stopped.",
        "Writes the model, plots and history to the checkpoint's folder (or --out) and goes on saving checkpoints as often as the run did."})
public final class ResumeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A checkpoint file written by train --checkpoint-every.")
  Path file;

  @Option(names = "--lr", paramLabel = "RATE", description = "Go on with another learning rate (default: the run's).")
  Double lr;

  @Option(names = "--epochs", paramLabel = "N", description = "Train to epoch N in all, counting the epochs already done (default: the run's --epochs).")
  Integer epochs;

  @Option(names = "--checkpoint-every", paramLabel = "N", description = "Save a checkpoint every N epochs (default: as often as the run did).")
  Integer every;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "Where to save them (default: CHECKPOINT itself, replaced at each save).")
  Path checkpointFile;

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "A run trained on Spark: continue it on this master (default: the master it was trained on).")
  String spark;

  @Option(names = "--local", description = "A run trained on Spark: continue it in this process, without Spark (its --data must be a CSV "
      + "this machine reads); equal to going on on Spark up to float summation order.")
  boolean local;

  @Mixin
  OutputOptions output;

  @Mixin
  HistoryOptions history;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
      throw new UsageException("--lr " + lr + ": the learning rate must be positive, e.g. --lr 0.001");
    }
    if (epochs != null && epochs < 1) {
      throw new UsageException("--epochs " + epochs + ": must be at least 1");
    }
    history.check();
    if (spark != null && local) {
      throw new UsageException("--spark " + spark + " and --local: give one (on Spark, or in this process)");
    }
    Checkpoint checkpoint = Checkpoint.read(file);
    boolean onCluster = checkpoint.run().has("cluster");
    if (!onCluster && (spark != null || local)) {
      throw new UsageException((local ? "--local" : "--spark " + spark) + ": " + file + " is a checkpoint of a local run, which resume continues "
          + "locally; drop the option");
    }
    // the run goes on where it was: the checkpoint's folder, unless --out says otherwise
    boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
    Path dir = OutputOptions.directory(outGiven ? output.out : parentOf(file));
    int saveEvery = every != null ? every : checkpoint.every();
    if (saveEvery < 1) {
      throw new UsageException("--checkpoint-every " + saveEvery + ": must be at least 1 epoch");
    }
    Path saveTo = checkpointFile != null ? checkpointFile : file;
    HistoryLog log = HistoryLog.to(dir, priorHistory(dir, checkpoint, err));
    RunResult result;
    TrainingSettings t;
    if (onCluster && !local) {
      ClusterRun saved = ClusterResume.recipe(checkpoint);
      t = ClusterResume.training(checkpoint, saved.training(), lr, epochs);
      ClusterRun run = saved.withTraining(t);
      String master = spark != null ? spark : checkpoint.run().path("spark").asText();
      Map<String, Object> settings = ClusterResume.settings(checkpoint, t, lr != null);
      EarlyStopping stopping = run.regularizers().earlyStopping() == null ? null : new EarlyStopping(run.regularizers().earlyStopping());
      result = ClusterOptions.backend(master).resume(master, run, checkpoint, prepared -> {
        List<Callback> callbacks = new ArrayList<>();
        if (stopping != null) {
          callbacks.add(stopping);
        }
        callbacks.add(new CheckpointWriter(saveTo, saveEvery, prepared, settings, ClusterOptions.recipe(run, master), checkpoint.history(), stopping));
        callbacks.add(history.progress(err, "resume", output.jsonOption.json));
        callbacks.add(log);
        return callbacks;
      });
      if (stopping != null) {
        stopping.keepBest(result.history());
      }
      result = result.withSettings(settings).withoutAugmentation();
    } else {
      ResumedRun run = onCluster
          ? ResumedRun.prepare(checkpoint, ClusterResume.recipe(checkpoint).local(), lr, epochs, ClusterResume.NORMALIZER_TOLERANCE)
          : ResumedRun.prepare(checkpoint, lr, epochs);
      List<Callback> callbacks = new ArrayList<>();
      callbacks.add(new CheckpointWriter(saveTo, saveEvery, run.data(), run.settings(), run.config(), checkpoint.history(), run.earlyStopping()));
      callbacks.add(history.progress(err, "resume", output.jsonOption.json));
      callbacks.add(log);
      result = run.run(callbacks);
      t = run.config().training();
    }
    Path modelPath = dir.resolve("model.descent");
    ModelFile.write(modelPath, result.model());
    List<Path> plots = new ArrayList<>(Plots.forRun(result, dir));
    plots.addAll(Plots.accuracy(log.rows(), dir));
    ClassReport classes = ClassReport.forRun(result);
    if (classes != null) {
      plots.add(classes.writeHeatMap(dir.resolve("confusion.png")));
    }
    RunDiagnosis diagnosis = RunDiagnosis.of(result, null, false);
    if (output.jsonOption.json) {
      ObjectNode json = Report.object();
      json.put("command", "resume");
      json.put("checkpoint", file.toString());
      json.put("from_epoch", checkpoint.epoch());
      json.put("model", modelPath.toString());
      json.put("epochs", result.history().epochs());
      json.set("train", Report.metrics(result.train()));
      if (result.dev() != null) {
        json.set("dev", Report.metrics(result.dev()));
      }
      if (result.test() != null) {
        json.set("test", Report.metrics(result.test()));
      }
      ClassReport.addToSets(json, result);
      if (!result.history().completed()) {
        json.put("stopped", result.history().stopReason());
      }
      if (diagnosis != null) {
        json.set("diagnosis", diagnosis.json());
      } else {
        json.putNull("diagnosis");
      }
      json.put("checkpoint_saved", saveTo.toString());
      Report.history(json, log.rows(), history);
      Report.print(out, json);
    } else {
      String settings = String.format("resumed   %s at epoch %d, on to epoch %d (%s lr %s, batch %s, seed %d)%n", file, checkpoint.epoch(),
          t.epochs(), t.optimizer().name(), t.optimizer().learningRate(), t.batchSize() == 0 ? "full" : t.batchSize(), t.seed());
      Summary.ofRun(out, settings, result, modelPath, plots);
      out.println("checkpoint " + saveTo + " (saved every " + saveEvery + " epochs)");
      if (classes != null) {
        out.println();
        classes.print(out);
      }
      out.println(diagnosis != null ? "diagnosis: " + diagnosis.text() : "diagnosis: " + RunDiagnosis.unavailable(result));
      out.flush();
    }
    return Main.OK;
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of(".");
  }

  /**
   * The epochs the checkpoint holds, as history rows: those of the folder's history.jsonl when it
   * has them (all their fields), else the checkpoint's own costs. Later lines (epochs run after
   * the checkpoint, lost with the stop) are dropped.
   */
  static List<HistoryRow> priorHistory(Path dir, Checkpoint checkpoint, PrintWriter err) {
    List<HistoryRow> written;
    try {
      written = HistoryFile.read(dir.resolve(HistoryLog.JSONL), w -> err.println("descent: warning: " + w));
    } catch (java.io.IOException e) {
      throw new dev.descent.DescentException(dir.resolve(HistoryLog.JSONL) + ": cannot read the history: " + OutputOptions.why(e), e);
    }
    List<HistoryRow> prior = new ArrayList<>();
    for (HistoryRow r : written) {
      if (r.epoch() == prior.size() + 1 && r.epoch() <= checkpoint.epoch()) {
        prior.add(r);
      }
    }
    if (prior.size() == checkpoint.epoch()) {
      return prior;
    }
    double[][] h = checkpoint.history();
    prior.clear();
    for (int e = 0; e < h[0].length; e++) {
      prior.add(HistoryRow.basic(e + 1, h[0][e], h[1][e], h[2][e]));
    }
    return prior;
  }
}
