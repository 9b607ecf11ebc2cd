package dev.descent.cli.dashboard;

import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter importance of a search: how much of the variation of the metric each parameter
 * explains on its own. The method is fANOVA's main effects (Hutter, Hoos and Leyton-Brown 2014,
 * as Optuna's default {@code FanovaImportanceEvaluator}) with one simplification, named on the
 * page:
 *
 * <ol>
 *   <li>a random forest of {@value #TREES} regression trees (bootstrap samples, every parameter
 *       tried at every split, split to single trials) is fitted to the complete trials, each
 *       numeric parameter on its sampling scale (ln for log, −ln(1 − x) for one-minus-log), each
 *       categorical one split one category against the rest;
 *   <li>per tree, the main effect of parameter i is {@code f_i(v) = mean over trials t of
 *       tree(t with x_i = v)} — a Monte Carlo average over the trials' own parameters, where
 *       fANOVA integrates exactly over the search box — and its share is {@code Var_v f_i /
 *       Var_t tree(t)};
 *   <li>the shares are averaged over the trees and normalized to sum to 1, as Optuna reports them.
 * </ol>
 *
 * <p>Deterministic: the forest's seed is fixed ({@value #SEED}). For a metric that depends on one
 * parameter only, that parameter's share is close to 1.
 */
final class Importance {
  static final int TREES = 64;
  static final long SEED = 0;
  /** The most complete trials the forest is fitted to (a larger search: that many, evenly spaced in the journal). */
  static final int MOST_TRIALS = 1000;
  /** Trials over which the main effects are averaged (the first ones by id), to bound the work. */
  static final int BACKGROUND = 128;
  static final String METHOD = "fANOVA main effects of a random forest (" + TREES + " trees, seed " + SEED
      + ") on the complete trials (at most " + MOST_TRIALS + ", evenly spaced in the journal), parameters on their sampling scales; the other parameters are averaged over the trials "
      + "(Monte Carlo) instead of integrated over the search box; shares normalized to sum to 1, as Optuna does";

  /** A parameter's column: numeric values on the sampling scale, or categories as indexes. */
  record Column(String name, boolean categorical, double[] values) {}

  private Importance() {}

  /**
   * Shares by parameter name, in the columns' order; empty when fewer than 3 trials or when the
   * forest explains no variation (every trial scored the same).
   */
  static Map<String, Double> of(List<Column> columns, double[] metric) {
    int n = metric.length;
    Map<String, Double> out = new LinkedHashMap<>();
    if (n < 3 || columns.isEmpty()) {
      return out;
    }
    double[][] x = new double[n][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      for (int i = 0; i < n; i++) {
        x[i][j] = columns.get(j).values()[i];
      }
    }
    boolean[] categorical = new boolean[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      categorical[j] = columns.get(j).categorical();
    }
    double[][] background = Arrays.copyOf(x, Math.min(n, BACKGROUND));
    double[] sums = new double[columns.size()];
    int used = 0;
    Rng rng = Rng.of(SEED);
    for (int t = 0; t < TREES; t++) {
      Rng r = rng.fork("tree", t);
      int[] sample = new int[n];
      for (int i = 0; i < n; i++) {
        sample[i] = r.nextInt(n);
      }
      Tree tree = Tree.grow(x, metric, categorical, sample);
      double total = variance(predict(tree, background, -1, 0));
      if (!(total > 1e-24)) {
        continue;
      }
      used++;
      for (int j = 0; j < columns.size(); j++) {
        sums[j] += mainEffectVariance(tree, background, j) / total;
      }
    }
    double all = 0;
    for (double s : sums) {
      all += s;
    }
    if (used == 0 || !(all > 0)) {
      return out;
    }
    for (int j = 0; j < columns.size(); j++) {
      out.put(columns.get(j).name(), sums[j] / all);
    }
    return out;
  }

  /** Var over the distinct values v of column j of: the mean over the background of the tree with x_j = v. */
  private static double mainEffectVariance(Tree tree, double[][] background, int j) {
    double[] distinct = Arrays.stream(background).mapToDouble(row -> row[j]).sorted().distinct().toArray();
    double[] effect = new double[background.length];
    // each background trial's own value of x_j, weighted as often as it occurs
    for (int i = 0; i < background.length; i++) {
      int k = Arrays.binarySearch(distinct, background[i][j]);
      effect[i] = k;
    }
    double[] meanAt = new double[distinct.length];
    for (int k = 0; k < distinct.length; k++) {
      double[] p = predict(tree, background, j, distinct[k]);
      double s = 0;
      for (double v : p) {
        s += v;
      }
      meanAt[k] = s / p.length;
    }
    for (int i = 0; i < effect.length; i++) {
      effect[i] = meanAt[(int) effect[i]];
    }
    return variance(effect);
  }

  /** The tree's prediction at each row, column {@code j} set to {@code value} (j = −1: as is). */
  private static double[] predict(Tree tree, double[][] rows, int j, double value) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = tree.predict(rows[i], j, value);
    }
    return out;
  }

  private static double variance(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / v.length;
  }

  /** A regression tree in arrays: node k splits on feature[k] (−1: a leaf with value[k]). */
  private static final class Tree {
    private final List<double[]> nodes = new ArrayList<>();   // {feature, threshold, categorical ? 1 : 0, left, right, value}

    static Tree grow(double[][] x, double[] y, boolean[] categorical, int[] sample) {
      Tree t = new Tree();
      t.split(x, y, categorical, sample, 0);
      return t;
    }

    private int split(double[][] x, double[] y, boolean[] categorical, int[] idx, int depth) {
      int k = nodes.size();
      double mean = 0;
      for (int i : idx) {
        mean += y[i];
      }
      mean /= idx.length;
      nodes.add(new double[] {-1, 0, 0, -1, -1, mean});
      if (idx.length < 2 || depth >= 64) {
        return k;
      }
      double parent = sse(y, idx);
      if (!(parent > 1e-24)) {
        return k;
      }
      double bestGain = 1e-12 * parent;
      int bestFeature = -1;
      double bestThreshold = 0;
      double total = 0;
      double squares = 0;
      for (int i : idx) {
        total += y[i];
        squares += y[i] * y[i];
      }
      for (int f = 0; f < x[0].length; f++) {
        final int feature = f;
        Integer[] order = new Integer[idx.length];
        for (int i = 0; i < idx.length; i++) {
          order[i] = idx[i];
        }
        Arrays.sort(order, (p, q) -> Double.compare(x[p][feature], x[q][feature]));
        // numeric: x <= threshold between consecutive values; categorical: one run of equal values against the rest
        double runSum = 0;
        double runSquares = 0;
        int runCount = 0;
        double prefixSum = 0;
        double prefixSquares = 0;
        for (int i = 0; i < order.length; i++) {
          double v = y[order[i]];
          prefixSum += v;
          prefixSquares += v * v;
          runSum += v;
          runSquares += v * v;
          runCount++;
          boolean end = i == order.length - 1 || x[order[i + 1]][f] != x[order[i]][f];
          if (!end) {
            continue;
          }
          double s1 = categorical[f] ? runSum : prefixSum;
          double q1 = categorical[f] ? runSquares : prefixSquares;
          int n1 = categorical[f] ? runCount : i + 1;
          int n2 = idx.length - n1;
          if (n1 > 0 && n2 > 0) {
            double s2 = total - s1;
            double q2 = squares - q1;
            double gain = parent - ((q1 - s1 * s1 / n1) + (q2 - s2 * s2 / n2));
            if (gain > bestGain) {
              bestGain = gain;
              bestFeature = f;
              bestThreshold = categorical[f] || i == order.length - 1 ? x[order[i]][f] : (x[order[i]][f] + x[order[i + 1]][f]) / 2;
            }
          }
          runSum = 0;
          runSquares = 0;
          runCount = 0;
        }
      }
      if (bestFeature < 0) {
        return k;
      }
      int left = 0;
      for (int i : idx) {
        left += goesLeft(x[i][bestFeature], bestThreshold, categorical[bestFeature]) ? 1 : 0;
      }
      int[] l = new int[left];
      int[] r = new int[idx.length - left];
      int a = 0;
      int b = 0;
      for (int i : idx) {
        if (goesLeft(x[i][bestFeature], bestThreshold, categorical[bestFeature])) {
          l[a++] = i;
        } else {
          r[b++] = i;
        }
      }
      double[] node = nodes.get(k);
      node[0] = bestFeature;
      node[1] = bestThreshold;
      node[2] = categorical[bestFeature] ? 1 : 0;
      node[3] = split(x, y, categorical, l, depth + 1);
      node[4] = split(x, y, categorical, r, depth + 1);
      return k;
    }

    private static boolean goesLeft(double v, double threshold, boolean categorical) {
      return categorical ? v == threshold : v <= threshold;
    }

    private static double sse(double[] y, int[] idx) {
      double s = 0;
      double q = 0;
      for (int i : idx) {
        s += y[i];
        q += y[i] * y[i];
      }
      return q - s * s / idx.length;
    }

    double predict(double[] row, int j, double value) {
      int k = 0;
      while (true) {
        double[] node = nodes.get(k);
        if (node[0] < 0) {
          return node[5];
        }
        int f = (int) node[0];
        double v = f == j ? value : row[f];
        k = (int) (goesLeft(v, node[1], node[2] == 1) ? node[3] : node[4]);
      }
    }
  }
}
