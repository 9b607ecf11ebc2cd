package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.train.LearningRateFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrFindCommandTest {
  @TempDir
  Path out;

  @Test
  void suggestsARateThatTrainsFasterThanOneHundredTimesSmaller() {
    Cli.Result r = Cli.run("lr-find", "--data", "moons", "--optimizer", "gd", "--out=" + out, "--json");
    assertEquals(Main.OK, r.code(), r.err());
    JsonNode json = r.json();
    assertEquals("lr-find", json.get("command").asText());
    assertEquals(200, json.get("points").asInt());
    assertFalse(json.get("diverged").asBoolean());
    assertFalse(json.has("warning"));
    assertEquals(out.resolve("lr-find.png").toString(), json.get("plot").asText());
    assertTrue(Files.exists(out.resolve("lr-find.png")));
    double lr = json.get("suggested_lr").asDouble();
    assertTrue(lr > 1e-3 && lr < json.get("minimum_lr").asDouble(), "suggested " + lr + ": " + json.get("chosen"));
    assertTrue(json.get("chosen").asText().startsWith("half-way down: the first rate at which the smoothed loss had "
        + "come down half-way from its level after the first tenth of the sweep to its minimum, "), json.get("chosen").asText());

    double suggested = trainedDevCost(lr);
    double smaller = trainedDevCost(lr / 100);
    assertTrue(suggested < smaller, "dev cost " + suggested + " at the suggested " + lr + ", " + smaller + " at lr/100");
  }

  private double trainedDevCost(double lr) {
    Cli.Result r = Cli.run("train", "--data", "moons", "--optimizer", "gd", "--lr", Double.toString(lr),
        "--epochs", "100", "--out=" + out.resolve("train"), "--json");
    assertEquals(Main.OK, r.code(), r.err());
    return r.json().get("dev").get("cost").asDouble();
  }

  @Test
  void adamDivergesBeforeTheEndOfTheSweep() {
    Cli.Result r = Cli.run("lr-find", "--data", "moons", "--optimizer", "adam", "--lr-max", "1000", "--out=" + out,
        "--json");
    assertEquals(Main.OK, r.code(), r.err());
    JsonNode json = r.json();
    assertTrue(json.get("diverged").asBoolean());
    assertTrue(json.get("points").asInt() < 200);
    assertTrue(json.get("suggested_lr").asDouble() < json.get("minimum_lr").asDouble());
  }

  @Test
  void warnsWhenTheRangeStartsTooHigh() {
    Cli.Result r = Cli.run("lr-find", "--data", "moons", "--optimizer", "gd", "--lr-min", "50", "--lr-max", "1e6",
        "--out=" + out, "--json");
    assertEquals(Main.OK, r.code(), r.err());
    JsonNode json = r.json();
    assertEquals("the loss did not fall over the sweep: the range starts too high; try a smaller --lr-min",
        json.get("warning").asText());
    assertTrue(json.get("chosen").asText().startsWith("at the minimum of the smoothed loss, "), json.get("chosen").asText());
    assertEquals(json.get("minimum_lr").asDouble(), json.get("suggested_lr").asDouble());
  }

  @Test
  void theHumanSummaryShowsTheSuggestionAndHowItWasChosen() {
    Cli.Result r = Cli.run("lr-find", "--data", "moons", "--optimizer", "gd", "--steps", "50", "--out=" + out);
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("suggested learning rate "), r.out());
    assertTrue(r.out().contains("  chosen half-way down: "), r.out());
    assertTrue(r.out().contains("  try: descent train --data moons --optimizer gd --lr "), r.out());
  }

  @Test
  void defaultsAreTheFindersDefaults() {
    LrFindCommand c = new LrFindCommand();
    picocli.CommandLine cli = new picocli.CommandLine(c);
    cli.parseArgs();
    LearningRateFinder.Settings defaults = LearningRateFinder.Settings.defaults();
    assertEquals(defaults.lrMin(), c.lrMin);
    assertEquals(defaults.lrMax(), c.lrMax);
    assertEquals(defaults.steps(), c.steps);
  }

  private static void assertUsageError(String expected, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals("descent: " + expected + System.lineSeparator(), r.err());
    assertEquals(Main.USAGE_ERROR, r.code());
  }

  @Test
  void badRangesAndTrainingOnlyOptions() {
    assertUsageError("--lr-min 0.0: must be positive and finite, e.g. --lr-min 1e-6", "lr-find", "--lr-min", "0");
    assertUsageError("--lr-max 1.0E-8: must be above --lr-min 1.0E-6 and at most 1000000 (no network trains at larger rates), e.g. --lr-max 10", "lr-find",
        "--lr-max", "1e-8");
    assertUsageError("--steps 9: must be at least 10 (the first tenth of the sweep sets the starting level); 200 is "
        + "usual", "lr-find", "--steps", "9");
    assertUsageError("--lr: lr-find sweeps the learning rate itself from --lr-min to --lr-max over --steps updates; "
        + "drop --lr", "lr-find", "--lr", "0.1");
    assertUsageError("--schedule: lr-find sweeps the learning rate itself from --lr-min to --lr-max over --steps "
        + "updates; drop --schedule", "lr-find", "--schedule", "cosine:length=10");
    assertUsageError("--optimizer sgd: unknown optimizer; expected one of gd, momentum, nesterov, rmsprop, adagrad, "
        + "adam, adamw", "lr-find", "--optimizer", "sgd");
    assertUsageError("--beta 1.5: must be in [0, 1), e.g. --beta 0.9", "lr-find", "--optimizer", "momentum",
        "--beta", "1.5");
  }
}
