package dev.descent.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.cli.report.Table;
import org.junit.jupiter.api.Test;

class AccuracyGapTest {
  @Test
  void aGapPrintsInPercentagePointsBesideThePercentages() {
    assertEquals("+3.29 pts", new AccuracyGap(0.9479 - 0.915).text());
    assertEquals("-2.11 pts", new AccuracyGap(0.9289 - 0.95).text());
    assertEquals("-", new AccuracyGap(Double.NaN).text());
    Table.Cell cell = Table.Cell.of(new AccuracyGap(0.0329));
    assertEquals("+3.29 pts", cell.text());
    assertEquals(0.0329, cell.value());
  }
}
