package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: history on disk and in --json, progress lines in logs, and a search whose best trial can be rerun. */
class WatchTrainingTest {
  @TempDir
  Path dir;

  @Test
  void trainWritesItsHistoryAndPutsItInJson() throws Exception {
    Path out = dir.resolve("run");
    JsonNode json = Cli.run("train", "--epochs", "30", "--out", out.toString(), "--json").ok().json();
    JsonNode history = json.get("history");
    assertEquals(30, history.size());
    assertEquals(1, history.get(0).get("epoch").asInt());
    assertEquals(json.get("epochs").asInt(), history.get(29).get("epoch").asInt());
    assertTrue(history.get(29).get("dev_accuracy").isNumber());
    assertTrue(history.get(29).get("train_accuracy").isNumber(), "the last epoch is always probed");
    assertEquals(3, history.get(29).get("grad_norm").size());
    assertEquals(31, Files.readAllLines(out.resolve("history.jsonl")).size() + 1);
    assertEquals(31, Files.readAllLines(out.resolve("history.csv")).size());
    assertEquals(Cli.png(out.resolve("accuracy.png")).getWidth() > 0, true);
    assertFalse(Cli.run("train", "--epochs", "3", "--out", out.toString(), "--json", "--json-history", "none").ok().json().has("history"));
  }

  @Test
  void aDivergedRunIsToldToLowerTheLearningRateNotToGrowTheNetwork() {
    JsonNode json = Cli.run("train", "--lr", "1000", "--epochs", "20", "--out", dir.resolve("run").toString(), "--json").ok().json();
    JsonNode d = json.get("diagnosis");
    assertEquals("diverged", d.get("problem").asText());
    assertEquals("[\"" + RunDiagnosis.LOWER_LR + "\"]", d.get("remedies").toString());
    String text = Cli.run("train", "--lr", "1000", "--epochs", "20", "--out", dir.resolve("run").toString()).ok().out();
    assertTrue(text.contains("Problem: diverged. Try: lower the learning rate"), text);
    assertFalse(text.contains("bigger network"), text);
  }

  @Test
  void theQuickstartTakesOut() {
    Path out = dir.resolve("quick");
    Cli.Result r = Cli.run("--out", out.toString()).ok();
    assertTrue(Files.exists(out.resolve("model.descent")), r.out());
    assertTrue(r.out().contains("./descent predict --model " + out + "/model.descent"), r.out());
  }

  @Test
  void progressIsPlainLinesWhenStderrIsNotATerminal() {
    Cli.Result r = Cli.run("train", "--epochs", "20", "--log-every", "5", "--out", dir.resolve("run").toString()).ok();
    List<String> lines = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      if (line.startsWith("train epoch")) {
        lines.add(line.replaceAll("  cost.*", ""));
      }
    }
    assertEquals(List.of("train epoch 5/20", "train epoch 10/20", "train epoch 15/20", "train epoch 20/20"), lines);
    assertFalse(r.err().contains("\r"), r.err());
    assertEquals("--log-every 0: must be at least 1 epoch, e.g. --log-every 100",
        Cli.run("train", "--log-every", "0", "--out", dir.resolve("x").toString()).error());
  }

  @Test
  void resumeWritesToTheCheckpointsFolderAndContinuesItsHistory() throws Exception {
    Path run = dir.resolve("run");
    Cli.run("train", "--epochs", "10", "--checkpoint-every", "5", "--out", run.toString()).ok();
    // a run killed after epoch 7 left lines past its last checkpoint (epoch 5) … and a torn one
    Cli.run("train", "--epochs", "7", "--out", dir.resolve("longer").toString()).ok();
    Cli.run("train", "--epochs", "5", "--checkpoint-every", "5", "--out", run.toString()).ok();
    Files.writeString(run.resolve("history.jsonl"), Files.readString(run.resolve("history.jsonl")) + "{\"epoch\":6,\"sec");
    Cli.Result r = Cli.run("resume", run.resolve("checkpoint.descent").toString(), "--epochs", "9", "--json");
    JsonNode json = r.ok().json();
    assertTrue(r.err().contains("history.jsonl line 6: torn or not a history row; skipped"), r.err());
    assertEquals(run.resolve("model.descent").toString(), json.get("model").asText());
    assertEquals(9, json.get("history").size());
    assertEquals(10, Files.readAllLines(run.resolve("history.csv")).size());
    assertTrue(json.get("history").get(4).get("grad_norm").size() == 3, "epoch 5 kept from the file, with its probe values");
  }

  @Test
  void aSearchSavesItsBestTrialAndTheCommandThatReproducesIt() throws Exception {
    Path out = dir.resolve("search");
    JsonNode json = Cli.run("search", "--data", "moons", "--epochs", "40", "--trials", "3", "--parallel", "2", "--param", "lr=log:1e-3:1e-1",
        "--seed", "5", "--out", out.toString(), "--json").ok().json();
    JsonNode best = json.get("best");
    String command = best.get("command").asText();
    assertTrue(command.startsWith("descent train --data moons --epochs 40 --lr "), command);
    assertTrue(command.endsWith(" --seed " + best.get("seed").asLong() + " --split-seed 5 --out " + out.resolve("best")), command);
    assertTrue(Files.exists(out.resolve("best/model.descent")));
    for (int id = 0; id < 3; id++) {
      assertEquals(40, Files.readAllLines(out.resolve("trials/" + id + "/history.jsonl")).size());
    }
    // the command, run again, gives the dev accuracy the search reported
    List<String> args = new ArrayList<>();
    best.get("arguments").forEach(a -> args.add(a.asText()));
    args.set(args.indexOf("--out") + 1, dir.resolve("again").toString());
    args.add("--json");
    JsonNode again = Cli.run(args.toArray(new String[0])).ok().json();
    assertEquals(best.get("dev_accuracy").asDouble(), again.get("dev").get("accuracy").asDouble(), 1e-12);
  }
}
