package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent experiment autodiff}: w² − 10w + 25 minimized on the tape, written out and fed as data. */
class AutodiffExperimentTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void gradientDescentAndAdamReachFive() throws IOException {
    Run r = run("experiment", "autodiff", "--json", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("autodiff", json.get("experiment").asText());
    JsonNode gd = json.get("runs").get(0);
    JsonNode adam = json.get("runs").get(1);
    assertEquals("gd", gd.get("name").asText());
    assertEquals("adam", adam.get("name").asText());
    assertEquals(2, json.get("runs").size());
    // w_t = 5 − 5·(1 − 2·0.01)^t
    assertEquals(5 - 5 * Math.pow(0.98, 1000), gd.get("w").asDouble(), 1e-12);
    assertEquals(5, adam.get("w").asDouble(), 1e-6);
    assertTrue(gd.get("final_cost").asDouble() < 1e-13, gd.toString());
    assertTrue(adam.get("final_cost").asDouble() < 1e-13, adam.toString());
    assertTrue(gd.get("train_accuracy").isNull());
    assertEquals(2, json.get("plots").size());
    for (JsonNode p : json.get("plots")) {
      assertTrue(Files.size(Path.of(p.asText())) > 1000, p.asText());
    }
  }

  @Test
  void theTablePrintsThePathAndTheFedCostAgrees() {
    Run r = run("experiment", "autodiff", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\npath of w, J(w) = w² − 10w + 25, minimum w* = −b/2a = 5 where J = 0:\n"), r.out());
    assertTrue(r.out().contains("\n       1       0.100000        24.0100       0.100000        24.0100\n"), r.out());
    assertTrue(r.out().contains("\nafter 1000 steps: gd w = 5.000 (4.9999999916), adam w = 5.000 (5.0000000000)\n"), r.out());
    assertTrue(r.out().contains("\nfed as data: x = [1, -10, 25] into placeholder x (3×1), J = x[0]·w² + x[1]·w + x[2]:"
        + " gd w = 4.9999999916 after 1000 steps, exactly as with the written cost\n"), r.out());
  }

  @Test
  void otherCoefficientsMoveTheMinimum() throws IOException {
    Run r = run("experiment", "autodiff", "--data", "2,-8,3", "--json", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode gd = new ObjectMapper().readTree(r.out()).get("runs").get(0);
    // J = 2w² − 8w + 3: w* = 2, and w_t = 2 − 2·(1 − 2·0.01·2)^t
    assertEquals(2 - 2 * Math.pow(0.96, 1000), gd.get("w").asDouble(), 1e-12);
    assertEquals(3 - 64.0 / 8, gd.get("final_cost").asDouble(), 1e-12);
  }

  @Test
  void twoCoefficientsDoNotFitThePlaceholder() {
    Run r = run("experiment", "autodiff", "--data", "1,-10", "--out", dir.toString());
    assertEquals(2, r.code());
    assertEquals("descent: experiment autodiff --data 1,-10: placeholder 'x' is 3×1 but was fed 2×1;"
        + " give the three coefficients a,b,c of a·w² + b·w + c, e.g. --data 1,-10,25\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aCoefficientThatIsNotANumberIsNamed() {
    Run r = run("experiment", "autodiff", "--data", "1,x,25", "--out", dir.toString());
    assertEquals(2, r.code());
    assertEquals("descent: experiment autodiff --data 1,x,25: 'x' is not a number;"
        + " give the three coefficients a,b,c of a·w² + b·w + c, e.g. --data 1,-10,25\n", r.err());
  }

  @Test
  void aCostWithoutAMinimumIsRefused() {
    Run r = run("experiment", "autodiff", "--data", "-1,0,0", "--out", dir.toString());
    assertEquals(2, r.code());
    assertEquals("descent: experiment autodiff --data -1,0,0: a = -1: must be positive, for a·w² + b·w + c"
        + " has a minimum only when a > 0, e.g. --data 1,-10,25\n", r.err());
  }
}
