package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent experiment batchnorm}: a 5-hidden-layer network on the 3-class spiral with and
 * without batch norm at learning rates 0.001 to 1. The table this asserts (gradient descent,
 * batches of 32, 100 epochs; epochs to 90 % train accuracy):
 *
 * <pre>
 *   lr      plain                        batch norm
 *   0.001   never (≈ 56 % at the end)    ≈ 54 epochs, ≈ 98 %
 *   0.01    ≈ 36 epochs                  ≈ 7 epochs
 *   0.1     ≈ 8 epochs                   ≈ 3 epochs
 *   1       diverges in epoch 1          ≈ 7 epochs, ≈ 98 %
 * </pre>
 */
class BatchNormExperimentTest {
  @TempDir
  static Path dir;

  static final Map<String, JsonNode> RUNS = new LinkedHashMap<>();
  static JsonNode json;

  @BeforeAll
  static void runTheExperiment() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"experiment", "batchnorm", "--json", "--out", dir.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    json = new ObjectMapper().readTree(out.toString());
    for (JsonNode run : json.get("runs")) {
      RUNS.put(run.get("name").asText(), run);
    }
  }

  @Test
  void runsArePlainAndBatchNormAtEachLearningRate() {
    assertEquals("batchnorm", json.get("experiment").asText());
    assertEquals(List.of("plain-lr0.001", "batchnorm-lr0.001", "plain-lr0.01", "batchnorm-lr0.01",
        "plain-lr0.1", "batchnorm-lr0.1", "plain-lr1", "batchnorm-lr1"), new ArrayList<>(RUNS.keySet()));
    for (JsonNode run : RUNS.values()) {
      assertTrue(run.has("epochs_to_target") && run.has("diverged") && run.has("final_cost"), run.toString());
    }
  }

  @Test
  void batchNormReachesTheTargetAtEveryRateAndSoonerThanThePlainNetwork() {
    for (String lr : List.of("0.001", "0.01", "0.1", "1")) {
      JsonNode bn = RUNS.get("batchnorm-lr" + lr);
      JsonNode plain = RUNS.get("plain-lr" + lr);
      assertFalse(bn.get("diverged").asBoolean(), bn.toString());
      assertTrue(bn.get("epochs_to_target").isInt(), bn.toString());
      assertTrue(bn.get("train_accuracy").asDouble() >= 0.95, bn.toString());
      assertTrue(bn.get("test_accuracy").asDouble() >= 0.95, bn.toString());
      assertTrue(plain.get("epochs_to_target").isNull()
          || plain.get("epochs_to_target").asInt() > bn.get("epochs_to_target").asInt(), lr + ": " + plain + " vs " + bn);
    }
    assertTrue(RUNS.get("batchnorm-lr0.1").get("epochs_to_target").asInt() <= 5);
    assertTrue(RUNS.get("batchnorm-lr1").get("epochs_to_target").asInt() <= 12);
    assertTrue(RUNS.get("batchnorm-lr0.001").get("epochs_to_target").asInt() <= 70);
  }

  @Test
  void thePlainNetworkCrawlsAtTheSmallestRateAndDivergesAtTheLargest() {
    JsonNode slow = RUNS.get("plain-lr0.001");
    assertTrue(slow.get("epochs_to_target").isNull(), slow.toString());
    assertFalse(slow.get("diverged").asBoolean());
    assertTrue(slow.get("train_accuracy").asDouble() < 0.7, slow.toString());
    JsonNode fast = RUNS.get("plain-lr1");
    assertTrue(fast.get("diverged").asBoolean(), fast.toString());
    assertTrue(fast.get("epochs_to_target").isNull());
    assertTrue(fast.get("train_accuracy").asDouble() < 0.5, fast.toString());
  }

  @Test
  void thePlainNetworkTrainsWellInBetween() {
    for (String lr : List.of("0.01", "0.1")) {
      JsonNode plain = RUNS.get("plain-lr" + lr);
      assertFalse(plain.get("diverged").asBoolean());
      assertTrue(plain.get("train_accuracy").asDouble() >= 0.95, plain.toString());
    }
  }

  @Test
  void oneCostPlotPerLearningRate() throws Exception {
    assertEquals(4, json.get("plots").size());
    for (JsonNode p : json.get("plots")) {
      assertTrue(Files.size(Path.of(p.asText())) > 1000, p.asText());
    }
    assertTrue(json.get("plots").get(3).asText().endsWith("batchnorm-cost-lr1.png"));
  }
}
