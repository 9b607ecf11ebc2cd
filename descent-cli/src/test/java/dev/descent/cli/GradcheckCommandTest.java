package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradcheckCommandTest {
  @TempDir
  Path dir;

  static List<String> names(JsonNode parameters) {
    List<String> out = new ArrayList<>();
    parameters.forEach(p -> out.add(p.get("name").asText()));
    return out;
  }

  @Test
  void aCorrectNetworkIsOkAndItsParametersAreRankedWorstFirst() {
    Cli.Result r = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--hidden", "5,3", "--l2", "0.7", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals("gradcheck", j.get("command").asText());
    assertEquals("full", j.get("mode").asText());
    assertEquals(40, j.get("examples").asInt());
    assertEquals(1e-7, j.get("epsilon").asDouble());
    assertEquals("ok", j.get("verdict").asText());
    assertTrue(j.get("difference").asDouble() < 1e-7, j.toString());
    assertFalse(j.get("dropout_disabled").asBoolean());
    assertEquals(2 * 5 + 5 + 5 * 3 + 3 + 3 + 1, j.get("entries").asInt());
    JsonNode params = j.get("parameters");
    assertEquals(List.of("W1", "W2", "W3", "b1", "b2", "b3"), names(params).stream().sorted().toList());
    for (int i = 1; i < params.size(); i++) {
      assertTrue(params.get(i - 1).get("difference").asDouble() >= params.get(i).get("difference").asDouble());
    }
    for (JsonNode p : params) {
      JsonNode worst = p.get("worst_index");
      assertEquals(2, worst.size());
      assertTrue(worst.get(0).asInt() < p.get("shape").get(0).asInt() && worst.get(1).asInt() < p.get("shape").get(1).asInt());
    }
  }

  @Test
  void theLabsBugsAreFlaggedNamedAndExitWithOne() {
    Cli.Result r = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--hidden", "5,3", "--corrupt", "W2:2,b1:4", "--json");
    assertEquals(1, r.code(), r.err());
    assertEquals("descent: gradient check failed: backpropagation disagrees with centered differences (verdict bug)",
        r.err().strip());
    JsonNode j = r.json();
    assertEquals("bug", j.get("verdict").asText());
    assertTrue(j.get("difference").asDouble() > 1e-3);
    // dW2 × 2 differs by (2 − 1)/(2 + 1) = 1/3, db1 × 4 by 3/5: both at the top, the rest at float noise
    assertEquals(List.of("b1", "W2"), names(j.get("parameters")).subList(0, 2));
    assertEquals(0.6, j.get("parameters").get(0).get("difference").asDouble(), 1e-6);
    assertEquals(1.0 / 3, j.get("parameters").get(1).get("difference").asDouble(), 1e-6);
    assertTrue(j.get("parameters").get(2).get("difference").asDouble() < 1e-5);
  }

  @Test
  void aCoarseEpsilonGivesCheck() {
    Cli.Result r = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--hidden", "5,3", "--activation", "tanh",
        "--epsilon", "1e-2", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals("check", r.json().get("verdict").asText(), r.out());
    double d = r.json().get("difference").asDouble();
    assertTrue(d >= 1e-7 && d < 1e-3, "difference " + d);
  }

  @Test
  void dropoutIsSwitchedOffAndTheReportSaysSo() {
    Cli.Result j = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--hidden", "5,3", "--keep-prob", "0.8", "--json");
    assertEquals(0, j.code(), j.err());
    assertTrue(j.json().get("dropout_disabled").asBoolean());
    assertEquals("ok", j.json().get("verdict").asText());
    Cli.Result h = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--hidden", "5,3", "--keep-prob", "0.8");
    assertEquals(0, h.code(), h.err());
    assertTrue(h.out().contains("\ndropout was switched off for the check: a fresh random mask in J(θ+ε) and J(θ−ε) would"
        + " measure the noise, not the slope; check with dropout off, then train with it on\n"), h.out());
    assertTrue(h.out().startsWith("network   2 → [5, 3] → 1 (relu, init he, seed 1), freshly initialized; dropout keep"
        + " probability 0.8, 0.8 (after each hidden activation)\ndata      moons: 40 examples (standardized)\ngradient check:"
        + " difference "), h.out());
  }

  @Test
  void theDirectionalModeIsFast() {
    Cli.Result r = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--directional", "8", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals("directional", j.get("mode").asText());
    assertEquals(8, j.get("directions").asInt());
    assertEquals("ok", j.get("verdict").asText());
    assertFalse(j.has("parameters"));
    Cli.Result bug = Cli.run("gradcheck", "--data", "moons", "--examples", "40", "--directional", "8", "--corrupt", "W2:2", "--json");
    assertEquals(1, bug.code());
    assertEquals("bug", bug.json().get("verdict").asText());
  }

  @Test
  void aSavedModelIsCheckedWithItsPenalty() {
    Cli.Result t = Cli.run("train", "--data", "moons", "--hidden", "6", "--epochs", "5", "--l2", "0.7", "--out", dir.toString(), "--json");
    assertEquals(0, t.code(), t.err());
    Path model = dir.resolve("model.descent");
    Cli.Result r = Cli.run("gradcheck", "--model", model.toString(), "--data", "moons", "--examples", "50");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("model     " + model + ": 2 → 1, 25 parameters; L2 λ 0.7 (from the model's settings)\n"
        + "data      moons: 50 examples\ngradient check: difference "), r.out());
    assertTrue(r.out().contains(" → ok "), r.out());
  }
}
