package dev.descent.cli;

import dev.descent.regularize.EarlyStopping;
import dev.descent.run.CheckpointWriter;
import dev.descent.run.PreparedData;
import dev.descent.run.RunConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** "Panda" mode: save a checkpoint every N epochs, to continue the run later with {@code descent resume}. */
public final class CheckpointOptions {
  @Option(names = "--checkpoint-every", paramLabel = "N",
      description = "Save a checkpoint every N epochs and after the last (default: no checkpoints); continue with: descent resume FILE. "
          + "Records every option of train, so that the resumed run ends as an unbroken one would.")
  Integer every;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "The checkpoint file, replaced at each save (default: --out/checkpoint.descent).")
  Path file;

  boolean enabled() {
    return every != null;
  }

  Path file(Path outDirectory) {
    return file != null ? file : outDirectory.resolve("checkpoint.descent");
  }

  /** The callback that saves (after {@code stopping}, null without early stopping, among the callbacks), or null when not asked for. */
  CheckpointWriter writer(Path outDirectory, PreparedData data, Map<String, Object> settings, RunConfig run, double[][] earlier,
      EarlyStopping stopping) {
    if (every == null) {
      return null;
    }
    if (every < 1) {
      throw new UsageException("--checkpoint-every " + every + ": must be at least 1 epoch");
    }
    return new CheckpointWriter(file(outDirectory), every, data, settings, run, earlier, stopping);
  }

  /** The same for a run on a cluster, whose {@code recipe} {@code descent resume} reads back; null when not asked for. */
  CheckpointWriter writer(Path outDirectory, PreparedData data, Map<String, Object> settings,
      com.fasterxml.jackson.databind.node.ObjectNode recipe, EarlyStopping stopping) {
    if (every == null) {
      return null;
    }
    if (every < 1) {
      throw new UsageException("--checkpoint-every " + every + ": must be at least 1 epoch");
    }
    return new CheckpointWriter(file(outDirectory), every, data, settings, recipe, CheckpointWriter.NO_HISTORY, stopping);
  }
}
