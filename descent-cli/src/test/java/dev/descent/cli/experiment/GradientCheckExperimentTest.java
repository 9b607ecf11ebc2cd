package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.cli.Cli;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientCheckExperimentTest {
  @TempDir
  Path dir;

  @Test
  void reproducesTheLabsTable() {
    Cli.Result r = Cli.run("experiment", "gradient-check", "--out", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals("gradient-check", j.get("experiment").asText());
    Map<String, JsonNode> runs = new LinkedHashMap<>();
    j.get("runs").forEach(n -> runs.put(n.get("name").asText(), n));
    assertEquals(List.of("one-dimensional", "correct", "buggy"), List.copyOf(runs.keySet()));
    // the numbers come from the fixtures the experiment reads (regenerated fixtures keep this test true)
    JsonNode reference = GoldenFixtures.load("gradient_check.json").json();
    double oneDimensional = reference.get("one_dimensional").get("difference").asDouble();
    // J = θx: the same float64 arithmetic as numpy's, so the same difference
    JsonNode one = runs.get("one-dimensional");
    assertEquals(oneDimensional, one.get("difference").asDouble(), 1e-9 * oneDimensional);
    assertEquals("ok", one.get("verdict").asText());
    assertEquals("theta", one.get("worst_parameter").asText());
    assertEquals(reference.get("one_dimensional").get("theta").asDouble() * reference.get("one_dimensional").get("x").asDouble(),
        one.get("final_cost").asDouble());
    // the golden network: float noise well below 1e-7 (numpy's own is "difference"; the order of float operations differs)
    JsonNode correct = runs.get("correct");
    assertTrue(correct.get("difference").asDouble() < 1e-7, correct.toString());
    assertEquals("ok", correct.get("verdict").asText());
    assertEquals(GoldenFixtures.load("dense_binary.json").json().get("cost").asDouble(), correct.get("final_cost").asDouble(), 1e-12);
    // dW2 × 2 and db1 × 4: numpy's buggy_difference, up to the numerical gradient's own error
    JsonNode buggy = runs.get("buggy");
    assertEquals(reference.get("buggy_difference").asDouble(), buggy.get("difference").asDouble(), 1e-7);
    assertEquals("bug", buggy.get("verdict").asText());
    assertEquals("b1", buggy.get("worst_parameter").asText());
    assertTrue(buggy.get("ranking").asText().startsWith("b1 W2 "), buggy.get("ranking").asText());
  }

  @Test
  void printsTheTableWithTheReference() {
    Cli.Result r = Cli.run("experiment", "gradient-check", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode reference = GoldenFixtures.load("gradient_check.json").json();
    String expected = String.format(java.util.Locale.ROOT, "reference (the course / numpy): one-dimensional %.3e; correct %.3e; buggy %.4f",
        reference.get("one_dimensional").get("difference").asDouble(), reference.get("difference").asDouble(),
        reference.get("buggy_difference").asDouble());
    assertTrue(r.out().contains(expected), r.out());
  }
}
