package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.tensor.Precision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLogTest {
  @TempDir
  Path dir;

  @Test
  void writesOneLinePerEpochWithProbeValuesOnProbeEpochs() throws Exception {
    Dataset d = TrainerTest.clouds(200, 1);
    Network n = TrainerTest.net(Precision.F32, 2);
    HistoryLog log = HistoryLog.to(dir, List.of());
    History h = TrainerTest.trainer(n, 0.1, 300, 32).fit(d, d, List.of(log));
    List<String> warnings = new ArrayList<>();
    List<HistoryRow> rows = HistoryFile.read(dir.resolve("history.jsonl"), warnings::add);
    assertEquals(List.of(), warnings);
    assertEquals(300, rows.size());
    assertEquals(300, log.rows().size());
    for (int e = 0; e < 300; e++) {
      HistoryRow r = rows.get(e);
      assertEquals(e + 1, r.epoch());
      assertEquals(h.trainCost()[e], r.trainCost(), 1e-8 * h.trainCost()[e]);   // 9 significant digits
      assertEquals(h.devAccuracy()[e], r.devAccuracy(), 1e-9);
      assertEquals(log.rows().get(e).trainCost(), r.trainCost(), 1e-8 * h.trainCost()[e]);
      assertEquals(0.1, r.learningRate(), 1e-15);
      assertEquals(0.0, r.regularization());
      // probed as time allows, the first and the last always; a probed row has every probe value
      boolean probe = !Double.isNaN(r.trainAccuracy());
      assertTrue(probe || (e != 0 && e != 299), "epoch " + (e + 1));
      assertEquals(probe ? 2 : 0, r.gradientNorms().length, "epoch " + (e + 1));
      if (probe) {
        assertTrue(r.updateRatios()[0] > 0 && r.updateRatios()[0] < 1, "update ratio " + r.updateRatios()[0]);
      }
      assertTrue(e == 0 || r.seconds() >= rows.get(e - 1).seconds());
    }
    List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
    assertEquals("epoch,seconds,lr,train_cost,train_accuracy,dev_cost,dev_accuracy,regularization,grad_norm_1,grad_norm_2,"
        + "update_ratio_1,update_ratio_2", csv.get(0));
    assertEquals(301, csv.size());
    assertEquals(12, csv.get(2).split(",", -1).length);
    assertTrue(csv.get(300).matches("300,[^,]+,0.1,[^,]+,1,[^,]+,1,0(,[^,]+){4}"), csv.get(300));
  }

  @Test
  void aTornLastLineIsSkippedWithAWarning() throws Exception {
    Dataset d = TrainerTest.clouds(50, 1);
    HistoryLog log = HistoryLog.to(dir, List.of());
    TrainerTest.trainer(TrainerTest.net(Precision.F32, 2), 0.1, 5, 32).fit(d, null, List.of(log));
    Path file = dir.resolve("history.jsonl");
    Files.writeString(file, "{\"epoch\":6,\"seconds\":0.01,\"lr\":0.", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    List<String> warnings = new ArrayList<>();
    List<HistoryRow> rows = HistoryFile.read(file, warnings::add);
    assertEquals(5, rows.size());
    assertEquals(List.of(file + " line 6: torn or not a history row; skipped"), warnings);
    assertTrue(Double.isNaN(rows.get(4).devCost()));
  }

  @Test
  void aResumedLogStartsWithThePriorRows() throws Exception {
    Dataset d = TrainerTest.clouds(50, 1);
    List<HistoryRow> prior = List.of(HistoryRow.basic(1, 0.7, Double.NaN, Double.NaN), HistoryRow.basic(2, 0.6, Double.NaN, Double.NaN));
    HistoryLog log = HistoryLog.to(dir, prior);
    TrainerTest.trainer(TrainerTest.net(Precision.F32, 2), 0.1, 4, 32).fit(d, null, List.of(log), 2);
    List<HistoryRow> rows = HistoryFile.read(dir.resolve("history.jsonl"), w -> {});
    assertEquals(List.of(1, 2, 3, 4), rows.stream().map(HistoryRow::epoch).toList());
    assertEquals(0.6, rows.get(1).trainCost());
    assertFalse(Double.isNaN(rows.get(2).trainAccuracy()));
    assertArrayEquals(new double[0], rows.get(0).gradientNorms());
    List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).endsWith("update_ratio_2"), csv.get(0));
  }
}
