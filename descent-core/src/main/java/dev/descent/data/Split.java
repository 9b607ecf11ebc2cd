package dev.descent.data;

import dev.descent.tensor.Rng;
import java.util.Arrays;

/**
 * Train/dev/test sets cut from one data set by ratios after a seeded shuffle: 60/20/20 for
 * small data, 98/1/1 for millions of examples. A ratio of 0 leaves that set out (null).
 *
 * <pre>{@code
 * Split s = Split.byRatios(data, new double[] {60, 20, 20}, new Rng(1));
 * s.train().size();   // 180 of 300
 * }</pre>
 */
public record Split(Dataset train, Dataset dev, Dataset test) {

  public static Split byRatios(Dataset data, double[] ratios, Rng rng) {
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
    int m = data.size();
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    rng.shuffle(order);
    int nDev = ratios.length > 1 ? (int) Math.round(m * ratios[1] / total) : 0;
    int nTest = ratios.length > 2 ? (int) Math.round(m * ratios[2] / total) : 0;
    int nTrain = m - nDev - nTest;
    if (nTrain < 1) {
      throw new IllegalArgumentException("split " + Arrays.toString(ratios) + " of " + m + " examples leaves no training example");
    }
    Dataset train = data.subset(data.name() + " (train)", Arrays.copyOfRange(order, 0, nTrain));
    Dataset dev = nDev == 0 ? null : data.subset(data.name() + " (dev)", Arrays.copyOfRange(order, nTrain, nTrain + nDev));
    Dataset test = nTest == 0 ? null : data.subset(data.name() + " (test)", Arrays.copyOfRange(order, nTrain + nDev, m));
    return new Split(train, dev, test);
  }
}
