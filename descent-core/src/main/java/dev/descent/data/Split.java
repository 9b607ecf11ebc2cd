package dev.descent.data;

import dev.descent.tensor.Rng;
import java.util.Arrays;

/**
 * Train/dev/test sets cut from one data set by ratios after a seeded shuffle: 60/20/20 for
 * small data, 98/1/1 for millions of examples. A ratio of 0 leaves that set out (null).
 *
 * <pre>{@code
 * Split s = Split.byRatios(data, new double[] {60, 20, 20}, Rng.of(1));
 * s.train().size();   // 180 of 300
 * }</pre>
 */
public record Split(Dataset train, Dataset dev, Dataset test) {

  public static Split byRatios(Dataset data, double[] ratios, Rng rng) {
    Indices parts = indices(data.size(), ratios, rng);
    Dataset train = data.subset(data.name() + " (train)", parts.train());
    Dataset dev = parts.dev().length == 0 ? null : data.subset(data.name() + " (dev)", parts.dev());
    Dataset test = parts.test().length == 0 ? null : data.subset(data.name() + " (test)", parts.test());
    return new Split(train, dev, test);
  }

  /**
   * Which examples of m go to train, dev and test: the example indices in the order a seeded
   * shuffle gives them, so a set held in the heap, mapped from a file or spread over a cluster
   * splits the same way for the same seed.
   */
  public static Indices indices(int m, double[] ratios, Rng rng) {
    if (ratios.length < 1 || ratios.length > 3) {
      throw new IllegalArgumentException("split " + Arrays.toString(ratios) + ": give 1 to 3 ratios (train,dev,test), e.g. 60,20,20");
    }
    double total = 0;
    for (double r : ratios) {
      if (!(r >= 0 && Double.isFinite(r))) {
        throw new IllegalArgumentException("split ratio " + r + ": must be a non-negative number");
      }
      total += r;
    }
    if (!(ratios[0] > 0)) {
      throw new IllegalArgumentException("split " + Arrays.toString(ratios) + ": the train ratio must be positive");
    }
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    rng.shuffle(order);
    int nDev = ratios.length > 1 ? (int) Math.round(m * ratios[1] / total) : 0;
    int nTest = ratios.length > 2 ? (int) Math.round(m * ratios[2] / total) : 0;
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("split " + Arrays.toString(ratios) + ": the ratios add up to more than a number"
          + " holds; they are relative shares, e.g. 60,20,20");
    }
    String[] names = {"train", "dev", "test"};
    int[] sizes = {m - nDev - nTest, nDev, nTest};
    for (int k = 1; k < ratios.length; k++) {
      if (ratios[k] > 0 && sizes[k] == 0) {
        throw new IllegalArgumentException("split " + Arrays.toString(ratios) + " of " + m + " examples gives the "
            + names[k] + " set none; give it a larger share (they are relative, e.g. 60,20,20) or 0 to leave it out");
      }
    }
    int nTrain = m - nDev - nTest;
    if (nTrain < 1) {
      throw new IllegalArgumentException("split " + Arrays.toString(ratios) + " of " + m + " examples leaves no training example");
    }
    return new Indices(Arrays.copyOfRange(order, 0, nTrain), Arrays.copyOfRange(order, nTrain, nTrain + nDev),
        Arrays.copyOfRange(order, nTrain + nDev, m));
  }

  /** Example indices of each part, in the split's shuffled order; dev and test may be empty. */
  public record Indices(int[] train, int[] dev, int[] test) {}
}
