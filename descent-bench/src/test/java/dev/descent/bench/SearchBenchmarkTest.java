package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The search suite's shape and its determinism check; its seconds are measured by descent bench, not asserted here. */
class SearchBenchmarkTest {

  @Test
  void aSmallRunReportsEachThreadCountAndTheSameTrials() {
    ObjectNode json = SearchBenchmark.run(4, 3, new int[] {1, 2});
    assertEquals("search", json.get("suite").asText());
    assertEquals(2, json.get("runs").size());
    assertEquals(1, json.get("runs").get(0).get("threads").asInt());
    assertEquals(2, json.get("runs").get(1).get("threads").asInt());
    assertTrue(json.get("same_trials").asBoolean(), "1 and 2 threads must give the same trials: " + json);
    assertTrue(json.get("runs").get(1).get("seconds").asDouble() > 0);
    assertEquals(json.get("runs").get(0).get("best_lr"), json.get("runs").get(1).get("best_lr"));
    for (var run : json.get("runs")) {   // what the cores did: CPU seconds and their share of the wall time
      double cpu = run.get("cpu_seconds").asDouble();
      assertTrue(cpu >= 0, run.toString());
      assertEquals(cpu / run.get("seconds").asDouble(), run.get("busy_cores").asDouble(), 1e-9, run.toString());
      assertEquals(1e3 * cpu / 4, run.get("cpu_ms_per_trial").asDouble(), 1e-9, run.toString());
    }
  }
}
