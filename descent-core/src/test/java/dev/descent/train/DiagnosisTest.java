package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.train.Diagnosis.ErrorRates;
import dev.descent.train.Diagnosis.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

  static Diagnosis of(double train, double dev) {
    return Diagnosis.of(ErrorRates.of(train, dev));
  }

  @Test
  void theCourseExamplesAreNamedAsInTheLectures() {
    // Bayes ≈ 0%: (train, dev) = (1, 11) variance; (15, 16) bias; (15, 30) both; (0.5, 1) none
    assertEquals(Problem.VARIANCE, of(0.01, 0.11).problem());
    assertEquals(Problem.AVOIDABLE_BIAS, of(0.15, 0.16).problem());
    assertEquals(Problem.BOTH, of(0.15, 0.30).problem());
    assertEquals(Problem.NONE, of(0.005, 0.01).problem());
    // human-level 1% vs 7.5% with train 8%, dev 10%
    assertEquals(Problem.AVOIDABLE_BIAS, Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.01)).problem());
    assertEquals(Problem.VARIANCE, Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.075)).problem());
  }

  @Test
  void gapsAreDifferencesOfTheRates() {
    Diagnosis d = Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.01));
    assertEquals(0.07, d.avoidableBias(), 1e-15);
    assertEquals(0.02, d.variance(), 1e-15);
    assertNull(d.dataMismatch());
    assertEquals(0.01, d.tolerance());
  }

  @Test
  void trainDevSeparatesVarianceFromDataMismatch() {
    // train 1%, train-dev 1.5%, dev 10%: the model generalizes within its distribution, not to dev's
    Diagnosis mismatch = Diagnosis.of(ErrorRates.of(0.01, 0.10).withTrainDevError(0.015));
    assertEquals(Problem.DATA_MISMATCH, mismatch.problem());
    assertEquals(0.085, mismatch.dataMismatch(), 1e-15);
    assertEquals(0.005, mismatch.variance(), 1e-15);
    assertEquals(Diagnosis.MISMATCH_REMEDIES, mismatch.remedies());
    // train 1%, train-dev 9%, dev 10%: variance
    assertEquals(Problem.VARIANCE, Diagnosis.of(ErrorRates.of(0.01, 0.10).withTrainDevError(0.09)).problem());
  }

  @Test
  void remediesAreTheCoursesNamedProblemFirst() {
    assertEquals(Diagnosis.BIAS_REMEDIES, of(0.15, 0.16).remedies());
    assertEquals(Diagnosis.VARIANCE_REMEDIES, of(0.01, 0.11).remedies());
    List<String> both = new ArrayList<>(Diagnosis.BIAS_REMEDIES);
    both.addAll(Diagnosis.VARIANCE_REMEDIES.subList(0, 2));
    assertEquals(both, of(0.15, 0.30).remedies());
    assertEquals(List.of(), of(0.005, 0.01).remedies());
    // bias dominates (7 vs 2 points) but the variance that counts still gets its remedies, after
    assertEquals(both, Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.01)).remedies());
  }

  @Test
  void textStatesTheGapsAndTheRemedies() {
    assertEquals("avoidable bias 7.0 points (train error 8.0% − 1.0% Bayes (human-level) error); "
        + "variance 2.0 points (dev error 10.0% − train error).\n"
        + "Problem: avoidable bias. Try: train a bigger network (more hidden units or layers); "
        + "train longer or with a better optimizer (momentum, RMSprop, Adam); "
        + "try another architecture or search the hyperparameters; get more training data (or augment it); "
        + "regularize (L2, dropout, data augmentation, early stopping).",
        Diagnosis.of(ErrorRates.of(0.08, 0.10).withBayesError(0.01)).text());
    assertEquals("avoidable bias 0.5 points (train error 0.5% − 0% (no Bayes error given)); "
        + "variance 0.5 points (dev error 1.0% − train error).\n"
        + "Problem: none; every gap is at most 1.0 points. If the test error is still too high, the dev set may be"
        + " overfitted (get a bigger one) or the metric may be the wrong one.", of(0.005, 0.01).text());
    assertTrue(of(0.028, 0.017).text().startsWith("avoidable bias 2.8 points (train error 2.8% − 0% (no Bayes error given)); "
        + "no variance (dev error 1.7% is below the train error, by 1.1 points).\n"), of(0.028, 0.017).text());
  }

  @Test
  void problemLabelsAreTheCoursesWords() {
    assertEquals("avoidable bias", Problem.AVOIDABLE_BIAS.label());
    assertEquals("data mismatch", Problem.DATA_MISMATCH.label());
    assertEquals("both", Problem.BOTH.label());
  }

  @Test
  void badRatesAreRejected() {
    assertEquals("train error = 8.0: must be a fraction in [0, 1]; for 8.0% write 0.08",
        assertThrows(IllegalArgumentException.class, () -> ErrorRates.of(8, 0.1)).getMessage());
    assertEquals("dev error = -0.1: must be a fraction in [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> ErrorRates.of(0.1, -0.1)).getMessage());
    assertEquals("Bayes error = NaN: must be a fraction in [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> ErrorRates.of(0.1, 0.1).withBayesError(Double.NaN)).getMessage());
    assertEquals("train-dev error = 1.5: must be a fraction in [0, 1]; for 1.5% write 0.015",
        assertThrows(IllegalArgumentException.class, () -> ErrorRates.of(0.1, 0.1).withTrainDevError(1.5)).getMessage());
    assertEquals("tolerance = 0.0: must be in (0, 1); the default is 0.01 (one point)",
        assertThrows(IllegalArgumentException.class, () -> Diagnosis.of(ErrorRates.of(0.1, 0.1), 0)).getMessage());
  }
}
