package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.cli.Cli;
import dev.descent.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An experiment's --json output, its runs by name. */
final class Rows {
  final JsonNode json;
  final Map<String, JsonNode> byName = new LinkedHashMap<>();

  private Rows(JsonNode json) {
    this.json = json;
    for (JsonNode run : json.get("runs")) {
      byName.put(run.get("name").asText(), run);
    }
  }

  /** Runs {@code descent experiment NAME --json --out DIR}, checks the exit code and that every plot exists. */
  static Rows of(String experiment, Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("experiment", experiment, "--json", "--out=" + out));
    args.addAll(List.of(options));
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(Main.OK, r.code(), r.err());
    Rows rows = new Rows(r.json());
    assertEquals(experiment, rows.json.get("experiment").asText());
    assertTrue(rows.json.get("plots").size() > 0);
    for (JsonNode p : rows.json.get("plots")) {
      assertTrue(Files.exists(Path.of(p.asText())), p.asText());
    }
    return rows;
  }

  /**
   * Asserts that run {@code run} reproduces the course's figures to the printed digit (four
   * decimals, as the course and ../shared/course/tables.py print them), and that the JSON says so.
   */
  void assertCourse(String run, double train, double test) {
    assertEquals(Math.round(train * 10_000), Math.round(number(run, "train_accuracy") * 10_000), run + " train");
    assertEquals(train, number(run, "course_train_accuracy"), 0, run);
    if (!Double.isNaN(test)) {
      assertEquals(Math.round(test * 10_000), Math.round(number(run, "test_accuracy") * 10_000), run + " test");
      assertEquals(test, number(run, "course_test_accuracy"), 0, run);
    }
    assertTrue(byName.get(run).get("matches_course").asBoolean(), run);
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  double number(String run, String column) {
    JsonNode v = byName.get(run).get(column);
    assertTrue(v != null && v.isNumber(), run + "." + column + " = " + v);
    return v.asDouble();
  }

  String text(String run, String column) {
    return byName.get(run).get(column).asText();
  }

  boolean isNull(String run, String column) {
    return byName.get(run).get(column).isNull();
  }
}
