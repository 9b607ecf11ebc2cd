package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceParseTest {
  private static final Set<String> TRAIN_OPTIONS = Set.of("lr", "beta1", "batch-size", "hidden", "activation", "keep-prob");

  @TempDir
  Path dir;

  private static String error(String argument) {
    return assertThrows(IllegalArgumentException.class, () -> Space.parse(List.of(argument), TRAIN_OPTIONS)).getMessage();
  }

  @Test
  void parsesEveryDistribution() {
    Space space = Space.parse(List.of("lr=log:1e-4:1e-1", "beta1 = one-minus-log:0.8:0.999", "batch-size=choice:32,64", "hidden=int-log:16:512",
        "activation=choice:relu,tanh", "keep-prob=uniform:0.5:1"), TRAIN_OPTIONS);
    assertEquals(List.of("lr", "beta1", "batch-size", "hidden", "activation", "keep-prob"), List.copyOf(space.parameters().keySet()));
    assertEquals(new Range(Scale.LOG, false, 1e-4, 1e-1), space.get("lr"));
    assertEquals(new Range(Scale.ONE_MINUS_LOG, false, 0.8, 0.999), space.get("beta1"));
    assertEquals(new Range(Scale.LOG, true, 16, 512), space.get("hidden"));
    assertEquals(new Choice(List.of(32, 64)), space.get("batch-size"));
    assertEquals("lr=log:0.0001:0.1\nbeta1=one-minus-log:0.8:0.999\nbatch-size=choice:32,64\nhidden=int-log:16:512\n"
        + "activation=choice:relu,tanh\nkeep-prob=uniform:0.5:1\n", space.toString());
  }

  @Test
  void lowNotBelowHigh() {
    assertEquals("--param lr=log:0.1:0.001: low 0.1 must be below high 0.001", error("lr=log:0.1:0.001"));
    assertEquals("--param hidden=int:8:8: low 8 must be below high 8", error("hidden=int:8:8"));
  }

  @Test
  void logRangeThroughZeroOrNegatives() {
    assertEquals("--param lr=log:0:0.1: a log scale needs a positive range, low is 0; e.g. log:1e-4:1e-1", error("lr=log:0:0.1"));
    assertEquals("--param lr=log:-1e-3:0.1: a log scale needs a positive range, low is -1e-3; e.g. log:1e-4:1e-1", error("lr=log:-1e-3:0.1"));
    assertEquals("--param hidden=int-log:0:64: a log scale needs a positive range, low is 0; e.g. int-log:16:512", error("hidden=int-log:0:64"));
  }

  @Test
  void oneMinusBetaRangeOutsideZeroOne() {
    assertEquals("--param beta1=one-minus-log:0.9:1: one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), high is 1; "
        + "e.g. one-minus-log:0.9:0.999", error("beta1=one-minus-log:0.9:1"));
    assertEquals("--param beta1=one-minus-log:0:0.9: one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), low is 0; "
        + "e.g. one-minus-log:0.9:0.999", error("beta1=one-minus-log:0:0.9"));
    assertEquals("--param beta1=one-minus-log:-0.5:1.5: one-minus-log needs 0 < LOW < HIGH < 1 so that 1 − beta is in (0, 1), low is -0.5; "
        + "e.g. one-minus-log:0.9:0.999", error("beta1=one-minus-log:-0.5:1.5"));
  }

  @Test
  void unknownDistributionListsTheValidOnes() {
    assertEquals("--param lr=loguniform:1e-4:1e-1: unknown distribution \"loguniform\"; valid: log, uniform, int, int-log, one-minus-log, choice",
        error("lr=loguniform:1e-4:1e-1"));
    assertEquals("--param lr=0.01: unknown distribution \"0.01\"; valid: log, uniform, int, int-log, one-minus-log, choice", error("lr=0.01"));
  }

  @Test
  void unknownParameterListsTheValidNames() {
    assertEquals("--param learning-rate=log:1e-4:1e-1: unknown parameter \"learning-rate\"; valid: activation, batch-size, beta1, hidden, keep-prob, lr",
        error("learning-rate=log:1e-4:1e-1"));
  }

  @Test
  void malformedArguments() {
    assertEquals("--param lr: expected name=spec, e.g. lr=log:1e-4:1e-1", error("lr"));
    assertEquals("--param =log:1:2: the parameter name before '=' is empty; expected name=spec, e.g. lr=log:1e-4:1e-1", error("=log:1:2"));
    assertEquals("--param lr=log:1e-4: log needs two bounds, log:LOW:HIGH, found 1; e.g. log:1e-4:1e-1", error("lr=log:1e-4"));
    assertEquals("--param lr=log: log needs two bounds, log:LOW:HIGH, found 0; e.g. log:1e-4:1e-1", error("lr=log"));
    assertEquals("--param lr=log:1e-4:0.1:1: log needs two bounds, log:LOW:HIGH, found 3; e.g. log:1e-4:1e-1", error("lr=log:1e-4:0.1:1"));
    assertEquals("--param lr=log:small:0.1: low \"small\" is not a number", error("lr=log:small:0.1"));
    assertEquals("--param lr=log:1e-4:1e999: high 1e999 is not a finite number", error("lr=log:1e-4:1e999"));
    assertEquals("--param hidden=int:1.5:4: low \"1.5\" is not an integer", error("hidden=int:1.5:4"));
    assertEquals("--param hidden=int:1:99999999999: high 99999999999 is too large: integers must be within ±2147483647", error("hidden=int:1:99999999999"));
    assertEquals("--param activation=choice:relu,,tanh: choice value 2 of 3 is empty; e.g. choice:relu,tanh", error("activation=choice:relu,,tanh"));
    assertEquals("--param activation=choice:: choice value 1 of 1 is empty; e.g. choice:relu,tanh", error("activation=choice:"));
    assertEquals("--param activation=choice:relu,tanh,relu: choice value \"relu\" is given twice", error("activation=choice:relu,tanh,relu"));
  }

  @Test
  void parameterGivenTwice() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Space.parse(List.of("lr=log:1e-4:1e-1", "lr=log:1e-3:1e-1"), TRAIN_OPTIONS));
    assertEquals("--param lr=log:1e-3:1e-1: parameter \"lr\" is given twice", e.getMessage());
  }

  @Test
  void noParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Space.parse(List.of(), TRAIN_OPTIONS));
    assertEquals("no parameters to search; give at least one --param name=spec, e.g. --param lr=log:1e-4:1e-1", e.getMessage());
  }

  @Test
  void anyNameWithoutAValidSet() {
    assertEquals(Map.of("whatever", new Range(Scale.LINEAR, false, 0, 1)), Space.parse(List.of("whatever=uniform:0:1")).parameters());
  }

  @Test
  void readsAFileWithComments() throws IOException {
    Path file = dir.resolve("space.txt");
    Files.writeString(file, "# the course's advice\n\nlr = log:1e-4:1e-1   # learning rate\n  beta1=one-minus-log:0.9:0.999\n# done\n");
    Space space = Space.read(file, TRAIN_OPTIONS);
    assertEquals("lr=log:0.0001:0.1\nbeta1=one-minus-log:0.9:0.999\n", space.toString());
    Path copy = dir.resolve("copy.txt");
    Files.writeString(copy, space.toString());
    assertEquals(space, Space.read(copy));
  }

  @Test
  void fileErrorsNameTheLine() throws IOException {
    Path file = dir.resolve("space.txt");
    Files.writeString(file, "# search\nbeta1=one-minus-log:0.9:0.999\nlr=log:0.1:0.001\n");
    DescentException e = assertThrows(DescentException.class, () -> Space.read(file, TRAIN_OPTIONS));
    assertEquals(file + " line 3: lr=log:0.1:0.001: low 0.1 must be below high 0.001", e.getMessage());
    assertEquals(3, e.line());

    Files.writeString(file, "lr=log:1e-4:1e-1\n\nmomentum=uniform:0:1 # not a train option\n");
    e = assertThrows(DescentException.class, () -> Space.read(file, TRAIN_OPTIONS));
    assertEquals(file + " line 3: momentum=uniform:0:1: unknown parameter \"momentum\"; valid: activation, batch-size, beta1, hidden, keep-prob, lr",
        e.getMessage());

    Files.writeString(file, "lr=log:1e-4:1e-1\nbeta1=one-minus-log:0.9:0.99\nlr=log:1e-3:1e-2\n");
    e = assertThrows(DescentException.class, () -> Space.read(file, TRAIN_OPTIONS));
    assertEquals(file + " line 3: lr=log:1e-3:1e-2: parameter \"lr\" is given twice (first on line 1)", e.getMessage());

    Files.writeString(file, "# nothing yet\n\n");
    e = assertThrows(DescentException.class, () -> Space.read(file, TRAIN_OPTIONS));
    assertEquals(file + ": no parameters to search; write one name=spec per line, e.g. lr=log:1e-4:1e-1", e.getMessage());

    Path missing = dir.resolve("missing.txt");
    e = assertThrows(DescentException.class, () -> Space.read(missing, TRAIN_OPTIONS));
    assertEquals(missing + ": cannot read the search space: " + missing, e.getMessage());
  }

  @Test
  void badRangesBuiltInCode() {
    assertEquals("range [0.1, 0.001]: low must be below high",
        assertThrows(IllegalArgumentException.class, () -> new Range(Scale.LOG, false, 0.1, 0.001)).getMessage());
    assertEquals("log range [0.0, 1.0]: low must be positive",
        assertThrows(IllegalArgumentException.class, () -> new Range(Scale.LOG, false, 0, 1)).getMessage());
    assertEquals("log range [0.0, 8.0]: low must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> new Range(Scale.LOG, true, 0, 8)).getMessage());
    assertEquals("one-minus-log range [0.9, 1.0]: must be real values inside (0, 1)",
        assertThrows(IllegalArgumentException.class, () -> new Range(Scale.ONE_MINUS_LOG, false, 0.9, 1)).getMessage());
    assertEquals("integer range [1.5, 4.0]: bounds must be int values",
        assertThrows(IllegalArgumentException.class, () -> new Range(Scale.LINEAR, true, 1.5, 4)).getMessage());
    assertEquals("parameter name \"a b\": must be a non-empty word without spaces, '=' or '#', e.g. lr",
        assertThrows(IllegalArgumentException.class, () -> Space.builder().add("a b", "log:1:2")).getMessage());
    assertEquals("a search space needs at least one parameter, e.g. lr=log:1e-4:1e-1",
        assertThrows(IllegalArgumentException.class, () -> Space.builder().build()).getMessage());
  }
}
