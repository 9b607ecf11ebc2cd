package dev.descent.cli.plot;

/**
 * Fewer points for drawing a long curve without changing its look: the points are cut into
 * consecutive buckets (by index, so x should be sorted, as for epochs or steps) and each bucket
 * keeps only its lowest and highest point, in their original order, plus the first and last
 * point of the curve. A screen column cannot show more than its min and max anyway, so spikes
 * (a cost that jumps at one step) survive, which plain every-k-th thinning would lose.
 *
 * <p>Example: 100 000 mini-batch costs drawn 800 pixels wide become at most 2·800 + 2 points.
 */
final class Downsample {
  private Downsample() {}

  /** The points to draw; {@code points} itself when it has at most {@code 2·buckets}. */
  static Drawable minMax(Drawable points, int buckets) {
    int n = points.size();
    if (n <= 2 * buckets) {
      return points;
    }
    double[] x = points.x();
    double[] y = points.y();
    int[] keep = new int[2 * buckets + 2];
    int kept = 0;
    keep[kept++] = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int low = from;
      int high = from;
      for (int i = from + 1; i < to; i++) {
        if (y[i] < y[low]) {
          low = i;
        }
        if (y[i] > y[high]) {
          high = i;
        }
      }
      int first = Math.min(low, high);
      int second = Math.max(low, high);
      if (first > keep[kept - 1]) {
        keep[kept++] = first;
      }
      if (second > keep[kept - 1]) {
        keep[kept++] = second;
      }
    }
    if (keep[kept - 1] != n - 1) {
      keep[kept++] = n - 1;
    }
    double[] dx = new double[kept];
    double[] dy = new double[kept];
    for (int k = 0; k < kept; k++) {
      dx[k] = x[keep[k]];
      dy[k] = y[keep[k]];
    }
    return new Drawable(points.name(), dx, dy);
  }
}
