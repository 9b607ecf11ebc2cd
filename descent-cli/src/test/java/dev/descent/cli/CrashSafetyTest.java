package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.model.Checkpoint;
import dev.descent.model.ModelFile;
import dev.descent.search.Journal;
import dev.descent.tensor.Rng;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@code descent} (a separate JVM) at seeded random moments while it saves a model,
 * writes checkpoints and journals search trials, and checks after each kill that the file on
 * disk is a complete one (the previous or the new), never a corrupt one, and that the leftover
 * temporary files do not break the next run.
 */
class CrashSafetyTest {
  static final int KILLS_PER_TARGET = 7;

  @TempDir
  Path dir;

  @Test
  void modelSaving() throws Exception {
    Path out = dir.resolve("model");
    String[] args = {"train", "--data", "moons", "--examples", "200", "--hidden", "512,512", "--epochs", "2",
        "--batch-size", "full", "--out", out.toString()};
    Cli.run(args).ok();
    Path model = out.resolve("model.descent");
    killRepeatedly(Rng.of(11), args, () -> ModelFile.read(model));
    Cli.run(args).ok();
    ModelFile.read(model);
  }

  @Test
  void checkpointing() throws Exception {
    Path out = dir.resolve("checkpoint");
    String[] args = {"train", "--data", "moons", "--examples", "200", "--hidden", "64,64", "--epochs", "400",
        "--checkpoint-every", "1", "--out", out.toString()};
    Path file = out.resolve("checkpoint.descent");
    killRepeatedly(Rng.of(12), args, () -> {
      if (Files.exists(file)) {
        assertTrue(Checkpoint.read(file).epoch() >= 1);
      }
    });
    int saved = Checkpoint.read(file).epoch();
    Cli.run("resume", file.toString(), "--epochs", Integer.toString(saved + 1)).ok();
    assertEquals(saved + 1, Checkpoint.read(file).epoch());
  }

  @Test
  void searchJournaling() throws Exception {
    Path out = dir.resolve("search");
    Path journal = out.resolve("search.jsonl");
    String[] args = {"search", "--param", "lr=log:1e-3:1e-1", "--trials", "40", "--epochs", "1", "--examples", "60",
        "--hidden", "3", "--parallel", "1", "--journal", journal.toString(), "--out", out.toString()};
    List<String> warnings = new ArrayList<>();
    killRepeatedly(Rng.of(13), args, () -> {
      if (Files.exists(journal)) {
        warnings.clear();
        try (Journal j = Journal.resume(journal, warnings::add)) {
          assertTrue(warnings.size() <= 1, "at most the partial last line is skipped: " + warnings);
        }
      }
    });
    List<String> again = new ArrayList<>(List.of(args));
    again.add("--resume");
    Cli.Result r = Cli.run(again.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
  }

  interface Check {
    void run() throws Exception;
  }

  /** Starts {@code descent args} KILLS_PER_TARGET times, SIGKILLs it after a seeded random delay, then checks. */
  void killRepeatedly(Rng rng, String[] args, Check check) throws Exception {
    for (int k = 0; k < KILLS_PER_TARGET; k++) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1",
          "dev.descent.cli.Main"));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("log" + k + ".txt").toFile()).start();
      long delay = 600 + rng.nextInt(1400);
      p.waitFor(delay, TimeUnit.MILLISECONDS);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process ends");
      check.run();
    }
  }
}
