package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad optimizer and schedule options: one line on stderr naming the option, exit 2. */
class BadOptimizerInputTest {
  @TempDir
  Path out;

  private void assertUsageError(String expected, String... options) {
    String[] args = new String[options.length + 6];
    args[0] = "train";
    args[1] = "--data";
    args[2] = "moons";
    args[3] = "--epochs";
    args[4] = "1";
    args[5] = "--out=" + out;
    System.arraycopy(options, 0, args, 6, options.length);
    Cli.Result r = Cli.run(args);
    assertEquals("descent: " + expected + System.lineSeparator(), r.err());
    assertEquals(Main.USAGE_ERROR, r.code());
    assertEquals("", r.out());
  }

  @Test
  void betaOutsideZeroToOne() {
    assertUsageError("--beta 1.2: must be in [0, 1), e.g. --beta 0.9", "--optimizer", "momentum", "--beta", "1.2");
    assertUsageError("--beta -0.1: must be in [0, 1), e.g. --beta 0.9", "--optimizer", "rmsprop", "--beta", "-0.1");
    assertUsageError("--beta1 1.0: must be in [0, 1)", "--optimizer", "adam", "--beta1", "1");
    assertUsageError("--beta2 NaN: must be in [0, 1)", "--optimizer", "adam", "--beta2", "NaN");
  }

  @Test
  void epsilonNotPositive() {
    assertUsageError("--epsilon 0.0: must be positive and finite (typically 1e-8)", "--optimizer", "adam",
        "--epsilon", "0");
    assertUsageError("--epsilon -1.0E-8: must be positive and finite (typically 1e-8)", "--optimizer", "rmsprop",
        "--epsilon", "-1e-8");
  }

  @Test
  void negativeDecayRate() {
    assertUsageError("--schedule inverse-time:decay=-1: schedule inverse-time: decay = -1.0: must be non-negative and finite",
        "--optimizer", "gd", "--schedule", "inverse-time:decay=-1");
    assertUsageError("--schedule exponential:rate=-0.5: schedule exponential: rate = -0.5: must be positive and finite",
        "--optimizer", "gd", "--schedule", "exponential:rate=-0.5");
  }

  @Test
  void unknownOptimizerListsTheValidOnes() {
    assertUsageError("--optimizer sgd: unknown optimizer; expected one of gd, momentum, nesterov, rmsprop, adagrad, adam, adamw",
        "--optimizer", "sgd");
  }

  @Test
  void unknownScheduleListsTheValidOnes() {
    assertUsageError("--schedule linear: schedule 'linear' is unknown; expected one of constant, inverse-time, "
        + "exponential, inverse-sqrt, staircase, interval-inverse-time, piecewise, cosine, warmup, plateau",
        "--schedule", "linear");
  }

  @Test
  void aParameterGivenToAScheduleThatHasNone() {
    assertUsageError("--schedule constant:decay=1: schedule constant does not take decay; it takes lr0",
        "--schedule", "constant:decay=1");
  }

  @Test
  void aSettingTheOptimizerDoesNotUse() {
    assertUsageError("optimizer gd does not use --beta1 0.5; it takes --lr", "--optimizer", "gd", "--beta1", "0.5");
  }

  /** Decided: a diverged run is a result, not a crash; it keeps the last good parameters and exits 0. */
  @Test
  void aDivergedRunStopsKeepsTheInitialParametersAndSaysWhy() throws Exception {
    Cli.Result r = Cli.run("train", "--data", "moons", "--optimizer", "gd", "--lr", "1e6", "--epochs", "20",
        "--out=" + out, "--json");
    assertEquals(Main.OK, r.code(), r.err());
    JsonNode json = r.json();
    assertEquals("cost became NaN at epoch 1 (learning rate too high?); kept the initial parameters; try a lower --lr",
        json.get("stopped").asText());
    assertEquals(0, json.get("epochs").asInt());
    assertTrue(Double.isFinite(json.get("train").get("cost").asDouble()));
    assertTrue(Files.exists(out.resolve("model.descent")));

    Cli.Result human = Cli.run("train", "--data", "moons", "--optimizer", "gd", "--lr", "1e6", "--epochs", "20",
        "--out=" + out);
    assertEquals(Main.OK, human.code(), human.err());
    assertTrue(human.out().contains(System.lineSeparator() + "stopped   cost became NaN at epoch 1 (learning rate "
        + "too high?); kept the initial parameters; try a lower --lr" + System.lineSeparator()), human.out());
  }
}
