package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
  private static String decimal(double v) {
    StringBuilder sb = new StringBuilder();
    HistoryFile.decimal(sb, v);
    return sb.toString();
  }

  @Test
  void numbersHaveNineSignificantDigitsInTheShortestForm() {
    assertEquals("0.693147181", decimal(0.6931471805599453));
    assertEquals("7.0E-4", decimal(0.0007));
    assertEquals("0.001", decimal(0.001));
    assertEquals("12", decimal(12));
    assertEquals("100000000", decimal(1e8));
    assertEquals("1.0E9", decimal(1e9));
    assertEquals("-2.5", decimal(-2.5));
    assertEquals("0", decimal(0));
    assertEquals("0.98", decimal(0.98));
    assertEquals("1.23456789E-7", decimal(1.23456789e-7));
    assertEquals("1.0E-300", decimal(1e-300));
  }

  @Test
  void numbersComeBackWithinFloatPrecision() {
    Rng rng = Rng.of(1);
    for (int i = 0; i < 100_000; i++) {
      double v = Math.exp(40 * (rng.nextDouble() - 0.5)) * (rng.nextDouble() < 0.5 ? -1 : 1);
      double back = Double.parseDouble(decimal(v));
      assertEquals(v, back, Math.abs(v) * 6e-9, decimal(v));
      float f = (float) v;
      assertEquals(f, (float) Double.parseDouble(decimal(f)), decimal(f));
    }
  }

  @Test
  void bothLinesAtOnceAreTheJsonAndTheCsvLine() {
    List<HistoryRow> rows = List.of(
        new HistoryRow(1, 0.0021, 7e-4, 0.693147182, 0.5, Double.NaN, Double.NaN, 0, new double[] {0.12, 0.4},
            new double[] {1e-3, Double.NaN}),
        new HistoryRow(2, 0.0042, 7e-4, 0.61, Double.NaN, 0.7, 0.85, 0.0125, new double[0], new double[0]),
        new HistoryRow(3, 0.0063, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, 0, 12,
            new double[] {Double.POSITIVE_INFINITY}, new double[0]));
    for (HistoryRow row : rows) {
      StringBuilder json = new StringBuilder();
      StringBuilder csv = new StringBuilder();
      HistoryFile.appendBoth(json, csv, row, 2, new StringBuilder());
      StringBuilder csvAlone = new StringBuilder();
      HistoryFile.appendCsv(csvAlone, row, 2);
      assertEquals(HistoryFile.json(row) + "\n", json.toString());
      assertEquals(csvAlone + "\n", csv.toString());
    }
    StringBuilder csv = new StringBuilder();
    HistoryFile.appendBoth(new StringBuilder(), csv, rows.get(0), 2, new StringBuilder());
    assertEquals("1,0.0021,7.0E-4,0.693147182,0.5,,,0,0.12,0.4,0.001,\n", csv.toString());
  }
}
