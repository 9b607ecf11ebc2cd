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
    // J = θx at x = 2, θ = 4: the same float64 arithmetic as numpy's, so the same difference (gradient_check.json)
    JsonNode one = runs.get("one-dimensional");
    assertEquals(2.919335883291695e-10, one.get("difference").asDouble(), 1e-9 * 2.919335883291695e-10);
    assertEquals("ok", one.get("verdict").asText());
    assertEquals("theta", one.get("worst_parameter").asText());
    assertEquals(8.0, one.get("final_cost").asDouble());
    // the golden network: float noise well below 1e-7 (numpy's 4.5e-9; the order of float operations differs)
    JsonNode correct = runs.get("correct");
    assertTrue(correct.get("difference").asDouble() < 1e-7, correct.toString());
    assertEquals("ok", correct.get("verdict").asText());
    assertEquals(0.6130324066937114, correct.get("final_cost").asDouble(), 1e-12);
    // dW2 × 2 and db1 × 4: numpy's 0.44523593155387264, up to the numerical gradient's own error
    JsonNode buggy = runs.get("buggy");
    assertEquals(0.44523593155387264, buggy.get("difference").asDouble(), 1e-7);
    assertEquals("bug", buggy.get("verdict").asText());
    assertEquals("b1", buggy.get("worst_parameter").asText());
    assertTrue(buggy.get("ranking").asText().startsWith("b1 W2 "), buggy.get("ranking").asText());
  }

  @Test
  void printsTheTableWithTheReference() {
    Cli.Result r = Cli.run("experiment", "gradient-check", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("reference (the course / numpy): one-dimensional 2.919e-10; correct 4.527e-09; buggy 0.4452"),
        r.out());
  }
}
