package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir
  Path dir;

  @Test
  void trainsOnMoonsAndReportsEverySetInJson() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "10,5", "--lr", "0.01", "--epochs", "60", "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals("train", j.get("command").asText());
    assertEquals(dir.resolve("model.descent").toString(), j.get("model").asText());
    assertEquals(60, j.get("epochs").asInt());
    assertTrue(j.get("train").get("accuracy").asDouble() > 0.9, j.toString());
    assertTrue(j.get("dev").get("accuracy").asDouble() > 0.85, j.toString());
    assertTrue(j.get("test").has("cost"));
    assertTrue(Files.exists(dir.resolve("model.descent")));
    assertTrue(Files.exists(dir.resolve("cost.png")));
    assertTrue(Files.exists(dir.resolve("boundary.png")));
    assertEquals("", r.err(), "no progress output when stderr is not a terminal");
  }

  @Test
  void predictAndEvaluateUseTheSavedModel() {
    Cli.Result t = Cli.run("train", "--data", "moons", "--hidden", "8", "--lr", "0.02", "--epochs", "40", "--out", dir.toString(), "--json");
    assertEquals(0, t.code(), t.err());
    String model = dir.resolve("model.descent").toString();
    Cli.Result e = Cli.run("evaluate", "--model", model, "--data", "moons", "--json");
    assertEquals(0, e.code(), e.err());
    assertEquals("evaluate", e.json().get("command").asText());
    assertEquals(300, e.json().get("examples").asInt());
    assertTrue(e.json().get("test").get("accuracy").asDouble() > 0.8);
    assertEquals(2, e.json().get("test").get("confusion").size());
    Cli.Result p = Cli.run("predict", "--model", model, "--data", "moons");
    assertEquals(0, p.code(), p.err());
    String[] lines = p.out().split("\n");
    assertEquals("label,p_0,p_1", lines[0]);
    assertEquals(301, lines.length);
    String[] first = lines[1].split(",");
    assertEquals(1.0, Double.parseDouble(first[1]) + Double.parseDouble(first[2]), 1e-5);
  }

  @Test
  void predictWritesItsOutputAtomically() throws IOException {
    Cli.run("train", "--data", "moons", "--hidden", "4", "--epochs", "5", "--out", dir.toString(), "--json");
    Path csv = dir.resolve("p.csv");
    Cli.Result p = Cli.run("predict", "--model", dir.resolve("model.descent").toString(), "--data", "moons", "--output", csv.toString());
    assertEquals(0, p.code(), p.err());
    assertEquals(301, Files.readAllLines(csv).size());
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
    }
  }

  @Test
  void versionAndHelpExitZero() {
    Cli.Result v = Cli.run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("descent 0.1.0"), v.out());
    for (String command : new String[] {"train", "predict", "evaluate", "experiment", "quickstart"}) {
      Cli.Result h = Cli.run(command, "--help");
      assertEquals(0, h.code(), command);
      assertTrue(h.out().contains("Usage: descent " + command), h.out());
    }
  }
}
