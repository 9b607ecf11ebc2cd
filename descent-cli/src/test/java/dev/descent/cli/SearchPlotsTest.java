package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.search.Metric;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.Status;
import dev.descent.search.TrialRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchPlotsTest {
  private static TrialRecord trial(int id, Status status, double accuracy) {
    return new TrialRecord(id, 1, Map.of("lr", 0.01), id, status, accuracy, 1 - accuracy, 3, 0.5, List.of(1 - accuracy), null);
  }

  @Test
  void trialsAreNumberedFromZeroAsInTheTableAndPrunedOnesAreShown() {
    Space space = Space.parse(List.of("lr=log:1e-4:1e-1"));
    SearchResult result = new SearchResult(Metric.DEV_ACCURACY, space, List.of(trial(0, Status.COMPLETE, 0.8),
        trial(1, Status.PRUNED, 0.5), trial(2, Status.COMPLETE, 0.9), trial(3, Status.PRUNED, 0.6)), List.of());

    XyPlot plot = SearchPlots.byTrial(result);

    Series complete = plot.dots().get(0);
    assertArrayEquals(new double[] {0, 1, 2, 3}, complete.x());
    assertArrayEquals(new double[] {0.8, Double.NaN, 0.9, Double.NaN}, complete.y());
    Series pruned = plot.dots().get(1);
    assertEquals("pruned (when stopped)", pruned.name());
    assertArrayEquals(new double[] {1, 3}, pruned.x());
    assertArrayEquals(new double[] {0.5, 0.6}, pruned.y());
    Series best = plot.lines().get(0);
    assertArrayEquals(new double[] {0, 1, 2, 2, 3}, best.x());
    assertArrayEquals(new double[] {0.8, 0.8, 0.8, 0.9, 0.9}, best.y());
  }
}
