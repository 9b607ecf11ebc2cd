package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final Precision F64 = Precision.F64;

  // predictions (p > 0.5): 1 0 1 0 1 0 1 0 against labels 1 0 0 1 1 0 1 1: TP 3, FP 1, FN 2, TN 2
  static final Matrix BINARY_P = Matrix.of(F64, 8, 1, 0.9, 0.2, 0.6, 0.4, 0.7, 0.1, 0.55, 0.3);
  static final Matrix BINARY_Y = Matrix.of(F64, 8, 1, 1, 0, 0, 1, 1, 0, 1, 1);

  @Test
  void binaryScoresMatchHandCounts() {
    Metrics m = Metrics.of(BINARY_P, BINARY_Y);
    ConfusionMatrix c = m.confusion();
    assertEquals(2, c.count(0, 0));
    assertEquals(1, c.count(0, 1));
    assertEquals(2, c.count(1, 0));
    assertEquals(3, c.count(1, 1));
    assertEquals(5.0 / 8, m.accuracy(), 1e-15);
    assertEquals(3.0 / 8, m.error(), 1e-15);
    assertEquals(3.0 / 4, m.precision(1), 1e-15);
    assertEquals(3.0 / 5, m.recall(1), 1e-15);
    assertEquals(2.0 / 3, m.f1(1), 1e-15);       // 2·0.75·0.6/1.35
    assertEquals(2.0 / 4, m.precision(0), 1e-15);  // TN/(TN + FN)
    assertEquals(2.0 / 3, m.recall(0), 1e-15);
    assertEquals(4.0 / 7, m.f1(0), 1e-15);
    assertEquals(5, m.score(1).support());
    assertEquals(0.625, m.macroPrecision(), 1e-15);
    assertEquals(19.0 / 30, m.macroRecall(), 1e-15);
    assertEquals(13.0 / 21, m.macroF1(), 1e-15);
  }

  @Test
  void aProbabilityOfExactlyOneHalfIsClassZero() {
    assertArrayEquals(new int[] {0, 1, 0}, ConfusionMatrix.predictedClasses(Matrix.of(F64, 3, 1, 0.5, 0.5000001, 0.4999999)));
  }

  // true:      0 0 1 1 1 2 2 0
  // predicted: 0 1 1 1 2 2 0 0   (argmax of each row)
  static final Matrix THREE_P = Matrix.fromRows(F64, new double[][] {
      {0.7, 0.2, 0.1}, {0.3, 0.6, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.5, 0.3},
      {0.1, 0.2, 0.7}, {0.0, 0.1, 0.9}, {0.5, 0.2, 0.3}, {0.4, 0.3, 0.3}});
  static final Matrix THREE_Y = Matrix.of(F64, 8, 1, 0, 0, 1, 1, 1, 2, 2, 0);

  @Test
  void multiClassScoresMatchHandCounts() {
    Metrics m = Metrics.of(THREE_P, THREE_Y);
    ConfusionMatrix c = m.confusion();
    long[][] expected = {{2, 1, 0}, {0, 2, 1}, {1, 0, 1}};
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        assertEquals(expected[t][p], c.count(t, p), "count(" + t + ", " + p + ")");
      }
    }
    assertEquals(5.0 / 8, m.accuracy(), 1e-15);
    // class 0: TP 2, FP 1, FN 1; class 1: TP 2, FP 1, FN 1; class 2: TP 1, FP 1, FN 1
    assertEquals(2.0 / 3, m.precision(0), 1e-15);
    assertEquals(2.0 / 3, m.recall(1), 1e-15);
    assertEquals(0.5, m.precision(2), 1e-15);
    assertEquals(0.5, m.recall(2), 1e-15);
    assertEquals(0.5, m.f1(2), 1e-15);
    assertEquals((2.0 / 3 + 2.0 / 3 + 0.5) / 3, m.macroPrecision(), 1e-15);
    assertEquals((2.0 / 3 + 2.0 / 3 + 0.5) / 3, m.macroF1(), 1e-15);
  }

  @Test
  void oneHotLabelsAndClassIndicesAgree() {
    Matrix oneHot = Matrix.zeros(F64, 8, 3);
    for (int i = 0; i < 8; i++) {
      oneHot.set(i, (int) THREE_Y.get(i, 0), 1);
    }
    assertEquals(Metrics.of(THREE_P, THREE_Y), Metrics.of(THREE_P, oneHot));
  }

  @Test
  void zeroOverZeroCountsAsZero() {
    // class 2 never occurs and is never predicted; class 1 occurs but is never predicted
    Metrics m = Metrics.of(ConfusionMatrix.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 3));
    assertEquals(0.0, m.precision(2));
    assertEquals(0.0, m.recall(2));
    assertEquals(0.0, m.f1(2));
    assertEquals(0.0, m.precision(1));   // 0/0: nothing predicted as 1
    assertEquals(0.0, m.recall(1));      // 0/2
    assertEquals(0.0, m.f1(1));          // P = R = 0
    assertEquals(0.5, m.precision(0), 1e-15);
    assertEquals(1.0, m.recall(0), 1e-15);
    assertEquals(0.5 / 3, m.macroPrecision(), 1e-15);
    assertEquals(0.5, m.accuracy(), 1e-15);
  }

  @Test
  void argmaxTiesGoToTheLowestClass() {
    assertArrayEquals(new int[] {0, 1}, ConfusionMatrix.predictedClasses(
        Matrix.fromRows(F64, new double[][] {{0.4, 0.4, 0.2}, {0.1, 0.45, 0.45}})));
  }

  @Test
  void tableHasTrueClassesAsRows() {
    assertEquals("true\\pred    0   1\n0            2   1\n1            2   3",
        ConfusionMatrix.of(BINARY_P, BINARY_Y).toString());
  }

  @Test
  void summaryPrintsTheScores() {
    assertEquals("accuracy 0.6250, macro precision 0.6250, macro recall 0.6333, macro F1 0.6190"
        + System.lineSeparator() + "  class 0: precision 0.5000, recall 0.6667, F1 0.5714, support 3"
        + System.lineSeparator() + "  class 1: precision 0.7500, recall 0.6000, F1 0.6667, support 5",
        Metrics.of(BINARY_P, BINARY_Y).toString());
  }

  @Test
  void binaryLabelsMustBeZeroOrOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(Matrix.of(F64, 2, 1, 0.3, 0.8), Matrix.of(F64, 2, 1, 1, 0.5)));
    assertEquals("labels row 1: 0.5 is not a class; binary labels must be 0 or 1", e.getMessage());
  }

  @Test
  void classIndicesMustBeInRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(THREE_P, Matrix.of(F64, 8, 1, 0, 0, 1, 1, 1, 3, 2, 0)));
    assertEquals("labels row 5: 3.0 is not a class; class indices must be integers in [0, 3)", e.getMessage());
  }

  @Test
  void oneHotRowsMustHoldASingleOne() {
    Matrix y = Matrix.fromRows(F64, new double[][] {{1, 0}, {1, 1}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(Matrix.fromRows(F64, new double[][] {{0.6, 0.4}, {0.2, 0.8}}), y));
    assertEquals("labels row 1: [1.0, 1.0] is not one-hot; each row must hold a single 1 and zeros", e.getMessage());
  }

  @Test
  void labelColumnsMustMatchTheClasses() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(THREE_P, Matrix.zeros(F64, 8, 2)));
    assertEquals("labels have 2 columns for 3 classes; give one-hot rows of 3 or a column of class indices", e.getMessage());
  }

  @Test
  void rowsMustMatch() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(BINARY_P, Matrix.zeros(F64, 7, 1)));
    assertEquals("probabilities have 8 rows but labels have 7; give one label per example", e.getMessage());
  }

  @Test
  void nanProbabilitiesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(Matrix.of(F64, 2, 1, 0.3, Double.NaN), Matrix.of(F64, 2, 1, 0, 1)));
    assertEquals("probabilities row 1 column 0 is NaN; cannot predict a class", e.getMessage());
  }

  @Test
  void noExamplesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.of(Matrix.zeros(F64, 0, 1), Matrix.zeros(F64, 0, 1)));
    assertEquals("no examples to score: probabilities are 0×1", e.getMessage());
  }
}
