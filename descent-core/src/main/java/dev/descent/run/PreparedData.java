package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.io.MappedExamples;
import dev.descent.data.Split;
import dev.descent.data.Standardizer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.Arrays;

/**
 * Train, dev and test sets ready for training: split by ratios (unless a separate test set was
 * given) and standardized with statistics of the training set only. Dev or test may be null.
 * The sets are resident ({@link Dataset}s) or, for data larger than memory, views of a mapped
 * file standardized as they are read ({@link #streamed}); both split the same way for one seed.
 */
public record PreparedData(Examples train, Examples dev, Examples test, Standardizer standardizer) {

  /**
   * Splits {@code all} by {@code ratios} (train, dev, test; a given {@code separateTest} replaces
   * the test share) and standardizes when {@code normalize}.
   */
  public static PreparedData prepare(Dataset all, Dataset separateTest, double[] ratios, boolean normalize, long seed) {
    Split split = Split.byRatios(all, ratios, Rng.of(seed).fork("split", 0));
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
   * Views of a mapped file split by {@code ratios} exactly as {@link #prepare} splits a resident
   * set, the standardizer fitted in one streaming pass over the training part. With a block
   * shuffle each part lists its examples in file order, so that reads run through the file;
   * with a uniform one, in the split's order, which makes training equal to a resident run's.
   * A separate {@code test} set (mapped or resident) replaces the test share.
   */
  public static PreparedData streamed(MappedExamples all, Examples separateTest, double[] ratios, boolean normalize,
      long seed, ShuffleOrder order) {
    Split.Indices parts = Split.indices(all.size(), ratios, Rng.of(seed).fork("split", 0));
    if (separateTest != null && parts.test().length > 0) {
      throw new IllegalArgumentException("--split gives a test share but --test also gives a test file; use --split TRAIN,DEV with --test");
    }
    if (separateTest != null && separateTest.featureCount() != all.featureCount()) {
      throw new IllegalArgumentException("the test set has " + separateTest.featureCount() + " features but the training data has " + all.featureCount());
    }
    boolean fileOrder = !order.isUniform();
    MappedExamples train = all.subset(all.name() + " (train)", rows(parts.train(), fileOrder)).withShuffleOrder(order);
    MappedExamples dev = parts.dev().length == 0 ? null : all.subset(all.name() + " (dev)", rows(parts.dev(), fileOrder));
    MappedExamples test = parts.test().length == 0 ? null : all.subset(all.name() + " (test)", rows(parts.test(), fileOrder));
    if (!normalize) {
      return new PreparedData(train, dev, separateTest != null ? separateTest : test, null);
    }
    Standardizer s = Standardizer.fit(train);
    Examples standardizedTest = separateTest instanceof Dataset d ? s.apply(d)
        : separateTest instanceof MappedExamples mapped ? mapped.standardized(s) : test == null ? null : test.standardized(s);
    return new PreparedData(train.standardized(s), dev == null ? null : dev.standardized(s), standardizedTest, s);
  }

  private static int[] rows(int[] indices, boolean fileOrder) {
    if (!fileOrder) {
      return indices;
    }
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  /** True when every set is held in the heap (plots, augmentation and outputs need that). */
  public boolean isResident() {
    return train.isResident() && (dev == null || dev.isResident()) && (test == null || test.isResident());
  }

  /** The training set as a resident {@link Dataset}; refused, naming {@code what}, for streamed data. */
  public Dataset residentTrain(String what) {
    if (train instanceof Dataset d) {
      return d;
    }
    throw new IllegalArgumentException(what + " needs the training data in memory, but it is streamed from "
        + train.name() + "; train without it, or load the data with --stream never");
  }

  /**
   * Refuses features that {@code precision} cannot hold: a value beyond float32's ±3.4e38 would
   * train as ±∞ and turn the run to NaN (or, through ReLU, to zeros) without a word.
   */
  public PreparedData requireRepresentable(Precision precision) {
    if (precision != Precision.F32) {
      return this;
    }
    for (Examples set : new Examples[] {train, dev, test}) {
      if (!(set instanceof Dataset d)) {
        continue;   // a streamed set's values are float32 or float64 already in its file
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
