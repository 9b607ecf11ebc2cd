package dev.descent.cli.dashboard;

import dev.descent.train.HistoryRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's history kept small: per bucket of {@code width} epochs and per series, the lowest and
 * the highest value with the epochs they were seen at, so that a spike or a dip of one epoch
 * survives any zoom-out (min/max per bucket, the "M4" idea without first and last). At most
 * {@value #BUCKETS} buckets: when a run outgrows them, the width doubles and pairs of buckets
 * merge, so the memory of a run is bounded whatever its length, and widths are powers of two,
 * which lines up the buckets of runs of similar lengths on one epoch axis.
 *
 * <p>Series, in order: lr, train_cost, train_accuracy, dev_cost, dev_accuracy, then each layer's
 * grad_norm, then each layer's update_ratio. Values are kept as floats (the page shows four
 * digits). Not thread-safe: {@link SeriesCache} locks each summary.
 */
final class SeriesSummary {
  static final int BUCKETS = 1024;
  static final String[] SCALARS = {"lr", "train_cost", "train_accuracy", "dev_cost", "dev_accuracy"};

  private int width = 1;
  private int layers;
  private int lastEpoch;
  private int rows;
  /** Per series: [minValue, maxValue] as floats and [minEpoch, maxEpoch]; epoch 0 = nothing in the bucket. */
  private final List<float[]> low = new ArrayList<>();
  private final List<float[]> high = new ArrayList<>();
  private final List<int[]> lowAt = new ArrayList<>();
  private final List<int[]> highAt = new ArrayList<>();

  SeriesSummary() {
    for (int s = 0; s < SCALARS.length; s++) {
      addSeries(low.size());
    }
  }

  int rows() {
    return rows;
  }

  int lastEpoch() {
    return lastEpoch;
  }

  int width() {
    return width;
  }

  /** Bytes held, for the cache's bound. */
  long bytes() {
    return 256L + (long) low.size() * BUCKETS * 16;
  }

  private void addSeries(int at) {
    low.add(at, new float[BUCKETS]);
    high.add(at, new float[BUCKETS]);
    lowAt.add(at, new int[BUCKETS]);
    highAt.add(at, new int[BUCKETS]);
  }

  void add(HistoryRow row) {
    int epoch = Math.max(1, row.epoch());
    while ((epoch - 1) / width >= BUCKETS) {
      coarsen();
    }
    int layersNow = Math.max(row.gradientNorms().length, row.updateRatios().length);
    while (layers < layersNow) {
      addSeries(SCALARS.length + layers);          // the new layer's grad_norm after the others
      addSeries(SCALARS.length + 2 * layers + 1);  // and its update_ratio at the end
      layers++;
    }
    int b = (epoch - 1) / width;
    put(0, b, epoch, row.learningRate());
    put(1, b, epoch, row.trainCost());
    put(2, b, epoch, row.trainAccuracy());
    put(3, b, epoch, row.devCost());
    put(4, b, epoch, row.devAccuracy());
    for (int l = 0; l < row.gradientNorms().length; l++) {
      put(SCALARS.length + l, b, epoch, row.gradientNorms()[l]);
    }
    for (int l = 0; l < row.updateRatios().length; l++) {
      put(SCALARS.length + layers + l, b, epoch, row.updateRatios()[l]);
    }
    lastEpoch = Math.max(lastEpoch, epoch);
    rows++;
  }

  private void put(int s, int b, int epoch, double value) {
    if (!Double.isFinite(value)) {
      return;   // not measured this epoch (train accuracy off the probe epochs), or diverged
    }
    float v = (float) value;
    if (!Float.isFinite(v)) {
      return;   // beyond a float (a diverging run's cost): the page could not draw it either
    }
    if (lowAt.get(s)[b] == 0 || v < low.get(s)[b]) {
      low.get(s)[b] = v;
      lowAt.get(s)[b] = epoch;
    }
    if (highAt.get(s)[b] == 0 || v > high.get(s)[b]) {
      high.get(s)[b] = v;
      highAt.get(s)[b] = epoch;
    }
  }

  /** Doubles the width: bucket b becomes the merge of 2b and 2b + 1. */
  private void coarsen() {
    for (int s = 0; s < low.size(); s++) {
      float[] lo = low.get(s);
      float[] hi = high.get(s);
      int[] loAt = lowAt.get(s);
      int[] hiAt = highAt.get(s);
      for (int b = 0; b < BUCKETS / 2; b++) {
        int l = pick(lo, loAt, 2 * b, 2 * b + 1, true);
        int h = pick(hi, hiAt, 2 * b, 2 * b + 1, false);
        lo[b] = lo[l];
        loAt[b] = loAt[l];
        hi[b] = hi[h];
        hiAt[b] = hiAt[h];
      }
      Arrays.fill(loAt, BUCKETS / 2, BUCKETS, 0);
      Arrays.fill(hiAt, BUCKETS / 2, BUCKETS, 0);
    }
    width *= 2;
  }

  private static int pick(float[] v, int[] at, int a, int b, boolean lowest) {
    if (at[a] == 0) {
      return b;
    }
    if (at[b] == 0) {
      return a;
    }
    return (lowest ? v[b] < v[a] : v[b] > v[a]) ? b : a;
  }

  /**
   * The columns the page draws, {@code {"total","offset","bucket","epoch":[…],"lr":[…],…,"grad_norm":[[…]…],
   * "update_ratio":[[…]…]}}, with at most about {@code maxPoints} points per series: every row when
   * the run is that short, else per bucket of {@code bucket} epochs (a power of two) the two
   * extremes of each series, the earlier drawn at the bucket's first epoch and the later at its
   * last, so that all series and all runs share one epoch axis. {@code offset} is where the page's
   * live stream takes over: the bytes of the file read so far.
   */
  void appendJson(StringBuilder sb, int maxPoints, long offset) {
    int target = Math.max(2, maxPoints);
    int w = width;
    while (w > 1 ? 2L * ceilDiv(lastEpoch, w) > target : lastEpoch > target) {
      w *= 2;
    }
    int group = w / width;
    int buckets = ceilDiv(lastEpoch, w);
    List<Integer> xs = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (!anyData(b * group, Math.min(BUCKETS, (b + 1) * group))) {
        continue;
      }
      int first = b * w + 1;
      int last = Math.min((b + 1) * w, lastEpoch);
      starts.add(b);
      xs.add(first);
      if (last > first) {
        xs.add(last);
      }
    }
    sb.append("{\"total\":").append(rows).append(",\"offset\":").append(offset).append(",\"bucket\":").append(w).append(",\"epoch\":[");
    for (int i = 0; i < xs.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(xs.get(i));
    }
    sb.append(']');
    for (int s = 0; s < SCALARS.length; s++) {
      sb.append(",\"").append(SCALARS[s]).append("\":");
      column(sb, s, starts, group, w);
    }
    sb.append(",\"grad_norm\":[");
    for (int l = 0; l < layers; l++) {
      sb.append(l == 0 ? "" : ",");
      column(sb, SCALARS.length + l, starts, group, w);
    }
    sb.append("],\"update_ratio\":[");
    for (int l = 0; l < layers; l++) {
      sb.append(l == 0 ? "" : ",");
      column(sb, SCALARS.length + layers + l, starts, group, w);
    }
    sb.append("]}");
  }

  private boolean anyData(int from, int to) {
    for (int s = 0; s < low.size(); s++) {
      for (int i = from; i < to; i++) {
        if (lowAt.get(s)[i] != 0) {
          return true;
        }
      }
    }
    return false;
  }

  private void column(StringBuilder sb, int s, List<Integer> starts, int group, int w) {
    float[] lo = low.get(s);
    float[] hi = high.get(s);
    int[] loAt = lowAt.get(s);
    int[] hiAt = highAt.get(s);
    sb.append('[');
    boolean firstValue = true;
    for (int b : starts) {
      int l = -1;
      int h = -1;
      for (int i = b * group; i < Math.min(BUCKETS, (b + 1) * group); i++) {
        if (loAt[i] != 0 && (l < 0 || lo[i] < lo[l])) {
          l = i;
        }
        if (hiAt[i] != 0 && (h < 0 || hi[i] > hi[h])) {
          h = i;
        }
      }
      boolean two = Math.min((b + 1) * w, lastEpoch) > b * w + 1;
      String a;
      String z;
      if (l < 0) {
        a = "null";
        z = "null";
      } else if (loAt[l] <= hiAt[h]) {
        a = number(lo[l]);
        z = number(hi[h]);
      } else {
        a = number(hi[h]);
        z = number(lo[l]);
      }
      sb.append(firstValue ? "" : ",").append(a);
      if (two) {
        sb.append(',').append(z);
      }
      firstValue = false;
    }
    sb.append(']');
  }

  private static String number(float v) {
    return Float.toString(v);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
