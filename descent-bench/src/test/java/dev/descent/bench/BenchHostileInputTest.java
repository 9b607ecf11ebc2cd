package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code bench} rows of the command line's hostile-input table ({@code
 * descent-cli/src/test/resources/hostile/cases.tsv}, which docs/errors.md is generated from): the
 * command lives in this module, so its cases run here, with the checks of descent-cli's
 * HostileInputTest: the exit code, exactly one {@code descent: } line holding the whole expected
 * message, no stack trace.
 */
class BenchHostileInputTest {
  static final Path CASES = Path.of("../descent-cli/src/test/resources/hostile/cases.tsv");

  static List<String[]> cases() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (!line.startsWith("#") && f.length == 5 && f[2].startsWith("bench ")) {
        out.add(f);
      }
    }
    assertTrue(out.size() >= 3, "bench cases in " + CASES + ": " + out.size());
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsCleanly(String id, String files, String args, String code, String message) {
    assertEquals("", files, id + ": a bench case takes no fixture files");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args.split(" "), new PrintWriter(out), new PrintWriter(err));
    List<String> errorLines = err.toString().lines().filter(l -> l.startsWith("descent: ")).toList();
    assertEquals(1, errorLines.size(), id + ": one 'descent: ' line\n" + err);
    assertFalse(err.toString().lines().anyMatch(l -> l.matches("\\s+at .*")), id + ": stack trace\n" + err);
    assertEquals(Integer.parseInt(code), exit, id + ": exit code\n" + err);
    assertEquals(message, errorLines.get(0).substring("descent: ".length()), id);
  }
}
