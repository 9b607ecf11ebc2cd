package dev.descent.check;

import dev.descent.autodiff.Affine;
import dev.descent.autodiff.Op;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Loss;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * J of a dense network with one parameter entry moved, computed from the layers of the unmoved
 * network instead of a replay of every layer from the moved one.
 *
 * <p>Why: moving {@code W[l][j,p]} or {@code b[l][j]} changes only column j of {@code Z[l]}, so
 * {@code Z[l+1]} changes by the rank-1 product of that column's change in {@code A[l]} and
 * column j of {@code W[l+1]}: {@code m·n[l+1]} multiply-adds instead of the whole product, and
 * only the layers above {@code l+1} are multiplied out again. And examples do not mix: an example
 * whose {@code A[l][i,j]} did not move (a ReLU that stays off) keeps its cost at θ, so only the
 * moved examples go up the network and through the loss's exp and log. For the [20,50,30,1]
 * benchmark net that is some hundred times less arithmetic than replaying from the moved layer.
 * The price: J(θ±ε) equals a full replay only up to rounding (a few units in the last place of
 * J, far below what ε = 1e-7 resolves), no longer to the last bit.
 *
 * <p>Takes a tape that is a chain of {@link Affine} ops, each followed by at most one
 * {@link Pointwise} activation, ending in the network's {@link Loss} op: what a network of dense
 * and activation layers (dropout off) records. Cost terms, batch norm and anything else leave
 * the check on its replay. Allocates nothing after construction.
 */
final class DenseReplay {
  /** Layers of at least this many units are multiplied with vectorized row updates, narrower ones with dot products. */
  private static final int WIDE = 8;
  private final Loss loss;
  private final int m;
  private final int depth;
  /** n[0] (inputs), n[1], …, n[L]. */
  private final int[] widths;
  /** Per layer 1..L: W (n × n_prev, row-major), b (n, or null), the activation after it. */
  private final double[][] w;
  private final double[][] b;
  private final Pointwise.Function[] activations;
  /** Per checked parameter: its layer, and whether it is the bias. */
  private final int[] layerOf;
  private final boolean[] isBias;
  /** At θ, from the last {@link #refresh}: Z[l] and A[l] (m × n[l]); a[0] is X. Wᵀ per layer. */
  private final double[][] z;
  private final double[][] a;
  private final double[][] wT;
  private final Matrix targets;
  /** Each example's cost at θ, from the last {@link #refresh}. */
  private final double[] exampleCosts;
  // scratch: the moved column; the examples it moved and by how much; their Z and A in the
  // layers above, compacted to the first rows; every example's cost
  private final double[] column;
  private final int[] moved;
  private final double[] change;
  private final double[][] zMoved;
  private final double[][] aMoved;
  private final Matrix logits;
  private final double[] costs;

  private DenseReplay(Loss loss, List<Op> affines, List<Pointwise.Function> functions, Variable[] parameters, Matrix targets) {
    this.loss = loss;
    this.depth = affines.size();
    this.targets = targets;
    Matrix x = affines.get(0).inputs().get(0).value();
    this.m = x.rows();
    widths = new int[depth + 1];
    widths[0] = x.cols();
    w = new double[depth + 1][];
    b = new double[depth + 1][];
    wT = new double[depth + 1][];
    activations = new Pointwise.Function[depth + 1];
    z = new double[depth + 1][];
    a = new double[depth + 1][];
    zMoved = new double[depth + 1][];
    aMoved = new double[depth + 1][];
    a[0] = values(x);
    Map<Variable, Integer> layers = new IdentityHashMap<>();
    Map<Variable, Integer> biases = new IdentityHashMap<>();
    for (int l = 1; l <= depth; l++) {
      List<Variable> in = affines.get(l - 1).inputs();
      w[l] = values(in.get(1).value());
      widths[l] = in.get(1).value().rows();
      layers.put(in.get(1), l);
      if (in.size() > 2) {
        b[l] = values(in.get(2).value());
        biases.put(in.get(2), l);
      }
      activations[l] = functions.get(l - 1);
      wT[l] = new double[w[l].length];
      z[l] = new double[m * widths[l]];
      a[l] = new double[m * widths[l]];
      zMoved[l] = new double[m * widths[l]];
      aMoved[l] = l < depth ? new double[m * widths[l]] : null;
    }
    layerOf = new int[parameters.length];
    isBias = new boolean[parameters.length];
    for (int p = 0; p < parameters.length; p++) {
      Integer l = layers.get(parameters[p]);
      isBias[p] = l == null;
      layerOf[p] = l != null ? l : biases.get(parameters[p]);
    }
    column = new double[m];
    moved = new int[m];
    change = new double[m];
    exampleCosts = new double[m];
    costs = new double[m];
    logits = Matrix.zeros(Precision.F64, m, widths[depth]);
    aMoved[depth] = values(logits);
  }

  /**
   * A replay of {@code ops} (ending in the cost) for {@code parameters}, or null when the tape is
   * not a chain of dense layers ending in {@code loss}'s op or a parameter is not one of their
   * weights and biases.
   */
  static DenseReplay of(List<Op> ops, Loss loss, Variable[] parameters) {
    List<Op> affines = new ArrayList<>();
    List<Pointwise.Function> functions = new ArrayList<>();
    Variable current = null;
    for (int i = 0; i < ops.size() - 1; i++) {
      Op op = ops.get(i);
      Variable in = op.inputs().get(0);
      if (op instanceof Affine && (current == null || in == current) && in.value().precision() == Precision.F64) {
        affines.add(op);
        functions.add(Pointwise.Function.LINEAR);
      } else if (op instanceof Pointwise p && in == current && functions.get(functions.size() - 1) == Pointwise.Function.LINEAR) {
        functions.set(functions.size() - 1, p.function());
      } else {
        return null;
      }
      current = op.output();
    }
    Op cost = ops.get(ops.size() - 1);
    // the network's loss records one op of a known class on (logits, targets); building one to compare records nothing
    if (current == null || cost.inputs().size() != 2 || cost.inputs().get(0) != current
        || cost.getClass() != loss.cost(current, cost.inputs().get(1)).getClass()) {
      return null;
    }
    Map<Variable, Boolean> owned = new IdentityHashMap<>();
    for (Op affine : affines) {
      for (Variable v : affine.inputs().subList(1, affine.inputs().size())) {
        owned.put(v, Boolean.TRUE);
      }
    }
    for (Variable p : parameters) {
      if (owned.remove(p) == null) {
        return null;
      }
    }
    return new DenseReplay(loss, affines, functions, parameters, cost.inputs().get(1).value());
  }

  private static double[] values(Matrix matrix) {
    return ((F64Matrix) matrix).values;
  }

  /** Takes θ as the parameters hold it now: every layer's Z and A, Wᵀ, each example's cost. */
  void refresh() {
    for (int l = 1; l <= depth; l++) {
      transpose(w[l], widths[l], widths[l - 1], wT[l]);
      affine(l, a[l - 1], z[l], m);
      Pointwise.forward64(activations[l], z[l], a[l], z[l].length);
    }
    System.arraycopy(a[depth], 0, values(logits), 0, a[depth].length);
    for (int i = 0; i < m; i++) {
      exampleCosts[i] = loss.exampleCost(logits, i, targets, i);
    }
  }

  private static double sum(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum;
  }

  private static void transpose(double[] x, int rows, int cols, double[] out) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = x[r * cols + c];
      }
    }
  }

  /**
   * {@code out = in·W[l]ᵀ + b[l]} on the first {@code rows} rows: for wide layers row by row as sums of Wᵀ's rows (the inner
   * loop runs over the units and vectorizes), for narrow ones as dot products held in a register
   * (an inner loop of one or two units would store and reload its sum on every term). Not
   * {@link dev.descent.tensor.Gemm}: the moved examples are a different number of rows each
   * time, and a Matrix has no view of its first rows.
   */
  private void affine(int l, double[] in, double[] out, int rows) {
    int n = widths[l];
    int nPrev = widths[l - 1];
    double[] bias = b[l];
    if (n < WIDE) {
      double[] weights = w[l];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < n; k++) {
          double sum = bias == null ? 0 : bias[k];
          for (int c = 0, x = i * nPrev, wk = k * nPrev; c < nPrev; c++) {
            sum += in[x + c] * weights[wk + c];
          }
          out[i * n + k] = sum;
        }
      }
      return;
    }
    double[] t = wT[l];
    for (int i = 0; i < rows; i++) {
      int row = i * n;
      for (int k = 0; k < n; k++) {
        out[row + k] = bias == null ? 0 : bias[k];
      }
      for (int c = 0; c < nPrev; c++) {
        double v = in[i * nPrev + c];
        int tc = c * n;
        for (int k = 0; k < n; k++) {
          out[row + k] += v * t[tc + k];
        }
      }
    }
  }

  /**
   * J with entry {@code k} of parameter {@code p} (in the check's order) moved by {@code delta}
   * and everything else at θ as of the last {@link #refresh}. The parameters are not touched.
   */
  double cost(int p, int k, double delta) {
    int l = layerOf[p];
    int n = widths[l];
    int nPrev = widths[l - 1];
    int j = isBias[p] ? k : k / nPrev;
    int from = k % nPrev;
    double[] zl = z[l];
    double[] below = a[l - 1];
    for (int i = 0; i < m; i++) {
      column[i] = zl[i * n + j] + (isBias[p] ? delta : delta * below[i * nPrev + from]);
    }
    Pointwise.forward64(activations[l], column, column, m);
    double[] al = a[l];
    int r = 0;
    for (int i = 0; i < m; i++) {
      double d = column[i] - al[i * n + j];
      if (d != 0) {
        moved[r] = i;
        change[r++] = d;
      }
    }
    if (l == depth) {
      double[] out = aMoved[depth];
      for (int t = 0; t < r; t++) {
        int i = moved[t];
        System.arraycopy(al, i * n, out, t * n, n);
        out[t * n + j] = column[i];
      }
    } else {
      moveUp(l + 1, j, r);
    }
    System.arraycopy(exampleCosts, 0, costs, 0, m);
    for (int t = 0; t < r; t++) {
      costs[moved[t]] = loss.exampleCost(logits, t, targets, moved[t]);
    }
    return sum(costs) / m;
  }

  /**
   * The {@code r} moved examples through layer {@code up} and the layers above it, compacted:
   * row t of each scratch layer is example {@code moved[t]}. Layer up gets {@code Z[up]} plus
   * the change of {@code A[up−1][:, j]} times {@code W[up][:, j]} (row j of Wᵀ).
   */
  private void moveUp(int up, int j, int r) {
    int n = widths[up];
    double[] t = wT[up];
    double[] zUp = z[up];
    double[] out = zMoved[up];
    for (int row = 0; row < r; row++) {
      double d = change[row];
      for (int q = 0, at = row * n, from = moved[row] * n, tj = j * n; q < n; q++) {
        out[at + q] = zUp[from + q] + d * t[tj + q];
      }
    }
    Pointwise.forward64(activations[up], out, aMoved[up], r * n);
    for (int q = up + 1; q <= depth; q++) {
      affine(q, aMoved[q - 1], zMoved[q], r);
      Pointwise.forward64(activations[q], zMoved[q], aMoved[q], r * widths[q]);
    }
  }
}
