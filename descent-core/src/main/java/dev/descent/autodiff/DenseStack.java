package dev.descent.autodiff;

import dev.descent.autodiff.UnitSums.LastPass;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.SizeSwitchingGemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stack of small dense float32 layers as one op: {@code Z[l] = A[l−1]·W[l]ᵀ + b[l]},
 * {@code A[l] = g[l](Z[l])} for the hidden layers, and the last layer's logits {@code Z[L]}
 * (m × n[L], examples as rows) as the output, which the loss op takes as it takes an
 * {@link Affine}'s. It replaces the {@link Affine} and {@link Pointwise} ops of such a network
 * (the course's [2,5,2,1] on 64 examples) and gives their numbers.
 *
 * <p>Why: the tape keeps examples as rows, so a layer of 2 to 5 units puts 2 to 5 elements in
 * every inner loop, and some 40 such loops (each a virtual call with shape checks) make a step.
 * Inside this op each unit's values over the batch live in an array of their own (n[l] × m, the
 * transpose of the tape's buffers; one array per unit because C2 does not vectorize two offsets
 * into one array), so every loop runs over the m examples, contiguously, and the JIT vectorizes it.
 *
 * <p>The numbers are the unfused ops', bit for bit, wherever those run their products in
 * {@link dev.descent.tensor.LoopGemm} (below 4 096 multiply-adds): each sum adds the same terms
 * in the same order as the kernel the tape would pick for the shape (the "tall" kernels when m is
 * at least 4 times the layer's widths: {@code Z = b}, then {@code += A·w} term by term; {@code dW}
 * as two sums over the even and the odd examples), and each gradient starts from zero as the
 * tape's zeroed gradients do. Larger products, which the unfused ops send to OpenBLAS, differ in
 * rounding only: their Z and dA sums keep the loop order, their dW sums run in blocks that load
 * less (OpenBLAS's order is not one to match anyway).
 *
 * <p>Takes a float32 input that needs no gradient (the network's X), weights and biases of at
 * most {@value #MAX_WIDTH} inputs and units per layer (beyond which BLAS wins), and one
 * activation per hidden layer ({@link Pointwise.Function#LINEAR} for none).
 *
 * <pre>{@code
 * Variable logits = tape.record(new DenseStack(x, List.of(w1, w2), List.of(b1, b2), List.of(RELU)));
 * Variable cost = tape.record(new BinaryCrossEntropy(logits, y));   // as after two Affines and a ReLU
 * }</pre>
 */
public final class DenseStack extends Op {
  /** The widest layer (inputs included) this op takes. */
  public static final int MAX_WIDTH = 32;
  /** As {@link dev.descent.tensor.LoopGemm}'s: m at least this times the widths selects its tall kernels. */
  private static final int TALL = 4;

  private final Variable x;
  private final int m;
  private final int depth;
  /** n[0] (inputs), n[1], …, n[L]. */
  private final int[] widths;
  private final float[][] w;
  private final float[][] b;
  private final float[][] dW;
  private final float[][] db;
  /** Before a backward that adds to parameter gradients instead of writing them: their values. */
  private final float[][] earlier;
  /** The activation after dense layer l; LINEAR for the last. */
  private final Pointwise.Function[] activations;
  /** Per layer: whether the tape's LoopGemm would take its tall kernels for the layer's products. */
  private final boolean[] tall;
  /** Per layer: whether the tape would compute dW by OpenBLAS (so in no loop order to match). */
  private final boolean[] blasSized;
  // [layer][unit][example]: one array per unit, so that each loop indexes its arrays with the
  // same i (offsets into one shared array could alias, and C2 then does not vectorize)
  /** a[0] is Xᵀ; a[l] = g(z[l]) for the hidden layers. */
  private final float[][][] a;
  private final float[][][] z;
  private final float[][][] dZ;
  /** d(cost)/dA of the layer below the one being differentiated. */
  private final float[][] dA;
  /** Every layer's dZ rows, padded to groups of eight, and the bias gradient entry each sums into. */
  private final float[][] biasRows;
  private final float[][] biasTargets;
  private final int[] biasIndices;

  /**
   * The layers {@code weights[l]} (n[l] × n[l−1]) and {@code biases[l]} (1 × n[l]) on input
   * {@code x} (m × n[0]), with {@code activations[l]} after every layer but the last.
   */
  public DenseStack(Variable x, List<Variable> weights, List<Variable> biases, List<Pointwise.Function> activations) {
    super(inputs(x, weights, biases), Variable.result("Z" + weights.size(),
        Matrix.zeros(Precision.F32, x.value().rows(), weights.get(weights.size() - 1).value().rows()), true));
    if (x.needsGrad() || x.value().precision() != Precision.F32) {
      throw new IllegalArgumentException("dense stack: input '" + x.name() + "' is " + x.value().precision()
          + (x.needsGrad() ? " with a gradient" : "") + "; takes a float32 input without one (the network's X)");
    }
    if (activations.size() != weights.size() - 1 || biases.size() != weights.size()) {
      throw new IllegalArgumentException("dense stack: " + weights.size() + " weights, " + biases.size() + " biases and "
          + activations.size() + " activations; expected one bias per layer and an activation after each but the last");
    }
    this.x = x;
    m = x.value().rows();
    depth = weights.size();
    widths = new int[depth + 1];
    widths[0] = x.value().cols();
    w = new float[depth + 1][];
    b = new float[depth + 1][];
    dW = new float[depth + 1][];
    db = new float[depth + 1][];
    earlier = new float[2 * depth][];
    this.activations = new Pointwise.Function[depth + 1];
    tall = new boolean[depth + 1];
    blasSized = new boolean[depth + 1];
    a = new float[depth + 1][][];
    z = new float[depth + 1][][];
    dZ = new float[depth + 1][][];
    a[0] = new float[widths[0]][m];
    int widest = widths[0];
    for (int l = 1; l <= depth; l++) {
      Matrix wl = weights.get(l - 1).value();
      widths[l] = wl.rows();
      requireShape(weights.get(l - 1), widths[l], widths[l - 1]);
      requireShape(biases.get(l - 1), 1, widths[l]);
      widest = Math.max(widest, widths[l]);
      w[l] = values(wl);
      b[l] = values(biases.get(l - 1).value());
      dW[l] = values(weights.get(l - 1).grad());
      db[l] = values(biases.get(l - 1).grad());
      earlier[2 * (l - 1)] = new float[dW[l].length];
      earlier[2 * (l - 1) + 1] = new float[db[l].length];
      this.activations[l] = l < depth ? activations.get(l - 1) : Pointwise.Function.LINEAR;
      tall[l] = m >= TALL * Math.max(widths[l], widths[l - 1]);
      blasSized[l] = (long) widths[l] * widths[l - 1] * m >= SizeSwitchingGemm.DEFAULT_THRESHOLD;
      z[l] = new float[widths[l]][];
      dZ[l] = new float[widths[l]][];
      for (int j = 0; j < widths[l]; j++) {
        z[l][j] = new float[m];
        dZ[l][j] = new float[m];
      }
      a[l] = l < depth ? new float[widths[l]][m] : null;
    }
    if (widest > MAX_WIDTH) {
      throw new IllegalArgumentException("dense stack: a layer of " + widest + " inputs or units; takes at most "
          + MAX_WIDTH + " (wider layers run faster as separate Affine ops, on BLAS)");
    }
    if (widths[depth] == 1) {
      // one output: the logits are Z[L]'s one row, and its gradient dZ[L]'s
      z[depth][0] = values(out.value());
      dZ[depth][0] = values(out.grad());
    }
    dA = new float[widest][m];
    List<float[]> rows = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int l = 1; l <= depth; l++) {
      for (int j = 0; j < widths[l]; j++) {
        rows.add(dZ[l][j]);
        targets.add(db[l]);
        indices.add(j);
      }
    }
    // padded to whole groups of eight with zero rows summed into a scratch entry
    float[] zeros = new float[m];
    float[] scratch = new float[1];
    while (rows.size() % 8 != 0) {
      rows.add(zeros);
      targets.add(scratch);
      indices.add(0);
    }
    biasRows = rows.toArray(new float[0][]);
    biasTargets = targets.toArray(new float[0][]);
    biasIndices = indices.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Variable> inputs(Variable x, List<Variable> weights, List<Variable> biases) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("dense stack: no layers; takes at least one");
    }
    List<Variable> inputs = new ArrayList<>();
    inputs.add(x);
    for (int l = 0; l < weights.size(); l++) {
      inputs.add(weights.get(l));
      inputs.add(biases.get(l));
    }
    return inputs;
  }

  private static void requireShape(Variable v, int rows, int cols) {
    Matrix value = v.value();
    if (value.rows() != rows || value.cols() != cols || value.precision() != Precision.F32 || !v.needsGrad()) {
      throw new IllegalArgumentException("dense stack: " + v.name() + " is " + value.precision() + " " + value.shape()
          + "; expected a float32 parameter " + rows + "×" + cols);
    }
  }

  private static float[] values(Matrix matrix) {
    return ((F32Matrix) matrix).values;
  }

  /** Writes the parameters' gradients when it gives them their first contribution, as a product with β = 0 does. */
  @Override
  protected boolean canOverwriteGrad(int i) {
    return i > 0;
  }

  @Override
  public void forward() {
    transposeInput();
    for (int l = 1; l <= depth; l++) {
      affine(l);
      if (l < depth && !reluFused(l)) {
        for (int j = 0; j < widths[l]; j++) {
          activate(activations[l], z[l][j], a[l][j]);
        }
      }
    }
    int n = widths[depth];
    if (n > 1) {
      float[] logits = values(out.value());
      for (int j = 0; j < n; j++) {
        float[] zj = z[depth][j];
        for (int i = 0, q = j; i < m; i++, q += n) {
          logits[q] = zj[i];
        }
      }
    }
  }

  /** Feature c of the i-th example goes to {@code Xᵀ[c][i]}. */
  private void transposeInput() {
    float[] rows = values(x.value());
    int cols = widths[0];
    for (int c = 0; c < cols; c++) {
      float[] column = a[0][c];
      for (int i = 0, q = c; i < m; i++, q += cols) {
        column[i] = rows[q];
      }
    }
  }

  @Override
  public void backward() {
    int n = widths[depth];
    if (n > 1) {
      float[] grad = values(out.grad());
      for (int j = 0; j < n; j++) {
        float[] dzj = dZ[depth][j];
        for (int i = 0, q = j; i < m; i++, q += n) {
          dzj[i] = grad[q];
        }
      }
    }
    boolean adds = keepEarlierGradients();
    for (int l = depth; l > 1; l--) {
      inputGradients(l);
    }
    // every dZ is known now: the parameter gradients, with independent sums side by side
    for (int l = 1; l <= depth; l++) {
      weightGradient(l);
    }
    ExampleSums.rowSumsByEight(m, biasRows, biasTargets, biasIndices);
    if (adds) {
      addEarlierGradients();
    }
  }

  /**
   * Where a parameter's gradient already holds another op's contribution (this op is not the
   * first to give it one), saves it to add back after the sums have written theirs: addition
   * commutes, so {@code earlier + ours} is what adding ours to it would give. True if any was saved.
   */
  private boolean keepEarlierGradients() {
    boolean any = false;
    for (int l = 1; l <= depth; l++) {
      if (!writesFirst(2 * l - 1)) {
        System.arraycopy(dW[l], 0, earlier[2 * (l - 1)], 0, dW[l].length);
        any = true;
      }
      if (!writesFirst(2 * l)) {
        System.arraycopy(db[l], 0, earlier[2 * (l - 1) + 1], 0, db[l].length);
        any = true;
      }
    }
    return any;
  }

  private void addEarlierGradients() {
    for (int l = 1; l <= depth; l++) {
      if (!writesFirst(2 * l - 1)) {
        add(earlier[2 * (l - 1)], dW[l]);
      }
      if (!writesFirst(2 * l)) {
        add(earlier[2 * (l - 1) + 1], db[l]);
      }
    }
  }

  private static void add(float[] from, float[] to) {
    for (int k = 0; k < to.length; k++) {
      to[k] = from[k] + to[k];
    }
  }

  /** Whether hidden layer l's ReLU is applied in the last pass of its tall product rather than in a pass of its own. */
  private boolean reluFused(int l) {
    return tall[l] && l < depth && activations[l] == Pointwise.Function.RELU;
  }

  /** {@code A = g(Z)}; ReLU as {@code max(Z, 0)}, as the {@link Pointwise} op computes it. */
  private void activate(Pointwise.Function f, float[] zq, float[] aq) {
    if (f == Pointwise.Function.RELU) {
      for (int i = 0; i < m; i++) {
        aq[i] = Math.max(zq[i], 0f);
      }
    } else {
      Pointwise.forward32(f, zq, aq, m);
    }
  }

  /** {@code Z[l] = W[l]·A[l−1] + b[l]}, n[l] × m. */
  private void affine(int l) {
    int n = widths[l];
    int k = widths[l - 1];
    float[][] in = a[l - 1];
    float[] weights = w[l];
    for (int j = 0; j < n; j++) {
      float[] zj = z[l][j];
      float bias = b[l][j];
      if (tall[l]) {
        // Z = b, then += A·w term by term
        boolean relu = reluFused(l);
        UnitSums.sumOfProducts(m, zj, bias, in, weights, j * k, 1, k,
            relu ? LastPass.STORE_AND_RELU : LastPass.STORE, relu ? a[l][j] : null, null);
      } else {
        // LoopGemm's short kernel: the dot product first, then the bias
        for (int i = 0; i < m; i++) {
          float s = 0;
          for (int p = 0; p < k; p++) {
            s += in[p][i] * weights[j * k + p];
          }
          zj[i] = bias + s;
        }
      }
    }
  }

  /**
   * {@code dA[l−1] = W[l]ᵀ·dZ[l]}, n[l−1] × m, unit by unit of layer l − 1, and from it that
   * layer's {@code dZ = 0 + dA ⊙ g'(Z)}: for a ReLU in the sum's last pass, where dA is not kept.
   */
  private void inputGradients(int l) {
    int n = widths[l];
    int k = widths[l - 1];
    boolean relu = activations[l - 1] == Pointwise.Function.RELU;
    for (int q = 0; q < k; q++) {
      UnitSums.sumOfProducts(m, dA[q], 0f, dZ[l], w[l], q, k, n,
          relu ? LastPass.RELU_GRADIENT : LastPass.STORE, a[l - 1][q], dZ[l - 1][q]);
      if (!relu) {
        // dZ = 0 + dA ⊙ g'(Z), as the Pointwise op computes it into its zeroed gradient
        Arrays.fill(dZ[l - 1][q], 0f);
        Pointwise.backward32(activations[l - 1], z[l - 1][q], a[l - 1][q], dA[q], dZ[l - 1][q], m);
      }
    }
  }

  /**
   * {@code dW[l] = dZ[l]·A[l−1]ᵀ}: each entry a sum over the examples, the even ones and the odd
   * ones apart as LoopGemm's long-k kernel (tall layers), or in one run as its short kernel. The
   * entries of a row share their dZ row and are summed four at a time, so that eight
   * independent sums keep the adders busy while each keeps its order. Where the tape would send
   * the product to OpenBLAS, no loop order is the tape's, and {@link #blockedWeightGradient}
   * takes one that loads less.
   */
  private void weightGradient(int l) {
    if (blasSized[l]) {
      blockedWeightGradient(l);
      return;
    }
    for (int j = 0; j < widths[l]; j++) {
      rowOfWeightGradient(l, j, 0);
    }
  }

  /** Row j of {@code dW[l]} from column {@code from} on, as {@link #weightGradient} describes. */
  private void rowOfWeightGradient(int l, int j, int from) {
    int k = widths[l - 1];
    float[][] in = a[l - 1];
    float[] grad = dW[l];
    float[] d = dZ[l][j];
    int row = j * k;
    int p = from;
    if (tall[l]) {
      for (; p + 3 < k; p += 4) {
        ExampleSums.evenOddSums4(m, d, in[p], in[p + 1], in[p + 2], in[p + 3], grad, row + p);
      }
      for (; p + 1 < k; p += 2) {
        ExampleSums.evenOddSums2(m, d, in[p], in[p + 1], grad, row + p);
      }
      if (p < k) {
        grad[row + p] = ExampleSums.evenOddSum(m, d, in[p]);
      }
    } else {
      for (; p < k; p++) {
        grad[row + p] = ExampleSums.runSum(m, d, in[p]);
      }
    }
  }

  /**
   * {@code dW[l]} in blocks of eight entries, 2 rows × 4 inputs (or 4 × 2 for layers of fewer
   * than four inputs), each entry one run over the examples: per example the block loads six
   * values for eight multiply-adds, where a row at a time loads five for four. The entries
   * outside whole blocks go row by row.
   */
  private void blockedWeightGradient(int l) {
    int n = widths[l];
    int k = widths[l - 1];
    float[][] in = a[l - 1];
    float[][] d = dZ[l];
    float[] grad = dW[l];
    boolean wide = k >= 4;
    int rows = wide ? 2 : 4;
    int cols = wide ? 4 : 2;
    int j = 0;
    for (; j + rows <= n; j += rows) {
      int p = 0;
      for (; p + cols <= k; p += cols) {
        if (wide) {
          ExampleSums.blockSums(m, d[j], d[j + 1], in[p], in[p + 1], in[p + 2], in[p + 3], grad, j * k + p, k, 1);
        } else {
          ExampleSums.blockSums(m, in[p], in[p + 1], d[j], d[j + 1], d[j + 2], d[j + 3], grad, j * k + p, 1, k);
        }
      }
      if (p < k) {
        for (int r = j; r < j + rows; r++) {
          rowOfWeightGradient(l, r, p);
        }
      }
    }
    for (; j < n; j++) {
      rowOfWeightGradient(l, j, 0);
    }
  }
}
