package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.data.Standardizer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;

/**
 * Train, dev and test sets ready for training: split by ratios (unless a separate test set was
 * given) and standardized with statistics of the training set only. Dev or test may be null.
 */
public record PreparedData(Dataset train, Dataset dev, Dataset test, Standardizer standardizer) {

  /**
   * Splits {@code all} by {@code ratios} (train, dev, test; a given {@code separateTest} replaces
   * the test share) and standardizes when {@code normalize}.
   */
  public static PreparedData prepare(Dataset all, Dataset separateTest, double[] ratios, boolean normalize, long seed) {
    Split split = Split.byRatios(all, ratios, new Rng(seed).fork("split", 0));
    Dataset test = separateTest != null ? separateTest : split.test();
    if (separateTest != null && split.test() != null) {
      throw new IllegalArgumentException("--split gives a test share but --test also gives a test file; use --split TRAIN,DEV with --test");
    }
    if (test != null && test.featureCount() != all.featureCount()) {
      throw new IllegalArgumentException("the test set has " + test.featureCount() + " features but the training data has " + all.featureCount());
    }
    if (!normalize) {
      return new PreparedData(split.train(), split.dev(), test, null);
    }
    // the split's sets are fresh copies: standardized in place, they need no second copy
    Standardizer s = Standardizer.fit(split.train().features());
    for (Dataset d : new Dataset[] {split.train(), split.dev(), split.test()}) {
      if (d != null) {
        s.applyInPlace(d.features());
      }
    }
    return new PreparedData(split.train(), split.dev(), separateTest != null ? s.apply(separateTest) : test, s);
  }

  /** Sets already separated (e.g. the course's train and test files). */
  public static PreparedData fromSets(Dataset train, Dataset dev, Dataset test, boolean normalize) {
    if (!normalize) {
      return new PreparedData(train, dev, test, null);
    }
    Standardizer s = Standardizer.fit(train.features());
    return new PreparedData(s.apply(train), s.apply(dev), s.apply(test), s);
  }

  /**
   * Refuses features that {@code precision} cannot hold: a value beyond float32's ±3.4e38 would
   * train as ±∞ and turn the run to NaN (or, through ReLU, to zeros) without a word.
   */
  public PreparedData requireRepresentable(Precision precision) {
    if (precision != Precision.F32) {
      return this;
    }
    for (Dataset d : new Dataset[] {train, dev, test}) {
      if (d == null) {
        continue;
      }
      Matrix x = d.features();
      for (int i = 0; i < x.rows(); i++) {
        for (int j = 0; j < x.cols(); j++) {
          double v = x.get(i, j);
          if (!(Math.abs(v) <= Float.MAX_VALUE)) {
            String where = standardizer == null ? "" : " after standardization";
            throw new DescentException("feature '" + d.featureNames().get(j) + "' holds " + v + where
                + ", beyond float32's range (±3.4e38); rescale the data" + (standardizer == null ? " (drop --no-normalize)" : "")
                + " or train with --precision f64");
          }
        }
      }
    }
    return this;
  }
}
