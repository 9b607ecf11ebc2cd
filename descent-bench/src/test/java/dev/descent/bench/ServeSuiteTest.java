package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.serve.PredictionServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serve suite's figures from known latencies, and its client against a real server. */
class ServeSuiteTest {

  @Test
  void percentilesAndRatesComeFromTheLatencies() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[99 - i] = (i + 1) * 1_000_000L;   // 1 … 100 ms, unsorted
    }
    BenchResult one = ServeSuite.result(new ServeSuite.Load("serve-1row-c1", 1, 1), nanos.clone(), 2, 0);
    assertEquals(99.0, one.value());
    assertEquals("ms (p99)", one.unit());
    assertEquals(51.0, one.details().get("p50_ms"));
    assertEquals(50.0, one.details().get("requests_per_second"));
    BenchResult many = ServeSuite.result(new ServeSuite.Load("serve-256rows-c2", 256, 2), nanos.clone(), 2, 0);
    assertEquals(50.0 * 256, many.value());
    assertEquals("rows/s", many.unit());
  }

  @Test
  void theClientsGetAnswersFromTheServer() throws Exception {
    try (PredictionServer server = PredictionServer.start(List.of(ServeSuite.model()), "127.0.0.1", 0, 10 << 20)) {
      long[] nanos = ServeSuite.run(server.port(), new ServeSuite.Load("t", 3, 2), 1, 1000);
      assertTrue(nanos.length > 10, nanos.length + " requests in a second");
      assertEquals(0, server.failures());
    }
  }
}
