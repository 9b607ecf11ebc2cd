package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.Cli;
import dev.descent.cli.Main;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EwaExperimentTest {
  @TempDir
  Path out;

  @Test
  void theRuleOfThumbAndTheBiasCorrection() {
    Rows rows = Rows.of("ewa", out);
    assertEquals(List.of("beta-0.5", "beta-0.9", "beta-0.98"), rows.names());
    double[] betas = {0.5, 0.9, 0.98};
    int[] days = {2, 10, 50};
    for (int i = 0; i < betas.length; i++) {
      String run = rows.names().get(i);
      assertEquals(days[i], rows.number(run, "horizon_days"), run);
      // the weight an old value keeps after 1/(1 − β) steps: β^(1/(1−β)), which tends to 1/e
      assertEquals(Math.pow(betas[i], 1 / (1 - betas[i])), rows.number(run, "weight_beyond_horizon"), 1e-12, run);
      assertTrue(rows.isNull(run, "train_accuracy") && rows.isNull(run, "test_accuracy") && rows.isNull(run, "final_cost"));
    }
    assertEquals(Math.exp(-1), rows.number("beta-0.98", "weight_beyond_horizon"), 0.005);
    // started from 0, the plain average is far too low at first; the corrected one is not
    for (String run : List.of("beta-0.9", "beta-0.98")) {
      assertTrue(rows.number(run, "bias_corrected_error_first_10_days") * 3 < rows.number(run, "plain_error_first_10_days"),
          run);
    }
    // β 0.5 follows the noise, β 0.98 lags the season: β 0.9 is closest to the seasonal curve
    assertTrue(rows.number("beta-0.9", "error_rest_of_year") < rows.number("beta-0.5", "error_rest_of_year"));
    assertTrue(rows.number("beta-0.9", "error_rest_of_year") < rows.number("beta-0.98", "error_rest_of_year"));
    assertEquals(2, rows.json.get("plots").size());
  }

  @Test
  void theTableIsNarrowWithItsLongHeadersOnTwoLines() {
    Cli.Result r = Cli.run("experiment", "ewa", "--out=" + out);
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    int header = lines.indexOf("  " + "-".repeat(96)) - 2;
    assertTrue(header > 0, r.out());
    assertEquals("                        horizon   weight beyond     plain error        bias corrected   error rest", lines.get(header));
    assertEquals("  run         seconds      days         horizon   first 10 days   error first 10 days      of year",
        lines.get(header + 1));
    for (String line : lines.subList(header, header + 6)) {
      assertTrue(line.length() <= 98, line);
    }
  }

  @Test
  void refusesADataFile() {
    Cli.Result r = Cli.run("experiment", "ewa", "--data", "temperatures.csv", "--out=" + out);
    assertEquals("descent: --data temperatures.csv: experiment ewa makes its own year of temperatures and reads no "
        + "data; run it without --data" + System.lineSeparator(), r.err());
    assertEquals(Main.USAGE_ERROR, r.code());
  }
}
