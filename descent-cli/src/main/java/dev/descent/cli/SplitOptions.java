package dev.descent.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** How a data set becomes train, dev and test sets: {@code --split} and {@code --no-normalize}, shared by train, search and lr-find. */
public final class SplitOptions {
  @Option(names = "--split", paramLabel = "TRAIN,DEV,TEST", split = ",",
      description = "Ratios of train, dev and test (default: 60,20,20; with --test: 80,20).")
  List<Double> split;

  @Option(names = "--no-normalize", description = "Do not standardize the inputs (standardization is fitted on train only).")
  boolean noNormalize;

  @Option(names = "--split-seed", paramLabel = "SEED",
      description = "Seed of the train/dev/test split (default: --seed). A search's best command sets it to the search's seed, so that the "
          + "dev set is the one its trials were compared on.")
  Long splitSeed;

  /** The split's seed: --split-seed, else the run's --seed. */
  long seed(long trainingSeed) {
    return splitSeed != null ? splitSeed : trainingSeed;
  }

  boolean normalize() {
    return !noNormalize;
  }

  /** {@code --split} as ratios (train, dev, test), or the default for whether a test file was given. */
  double[] ratios(boolean separateTest) {
    if (split == null) {
      return separateTest ? new double[] {80, 20} : new double[] {60, 20, 20};
    }
    double[] r = new double[split.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = split.get(i);
      if (!(r[i] >= 0) || Double.isInfinite(r[i])) {
        throw new UsageException("--split " + split + ": ratios must be non-negative numbers, e.g. 60,20,20");
      }
    }
    if (r.length > 3 || r.length == 0 || !(r[0] > 0)) {
      throw new UsageException("--split " + split + ": give TRAIN[,DEV[,TEST]] with a positive train share, e.g. 60,20,20 or 98,1,1");
    }
    return r;
  }
}
