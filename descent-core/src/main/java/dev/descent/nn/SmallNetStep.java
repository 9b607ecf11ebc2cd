package dev.descent.nn;

import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.NonPositiveExp;
import dev.descent.autodiff.Pointwise;
import dev.descent.nn.UnitSums.LastPass;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.SizeSwitchingGemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training step of a small dense float32 network (the course's [2,5,2,1] on 64 examples),
 * with the examples along each buffer's rows: {@code A[l]} is n[l] × m here, the transpose of the
 * tape's m × n[l].
 *
 * <p>Why: the tape keeps examples as rows, so a layer of 2 to 5 units puts 2 to 5 elements in
 * every inner loop, and some 40 such loops (each a virtual call with shape checks) make a step.
 * With examples last, every loop runs over the m examples, contiguously, and the JIT vectorizes
 * it; one object runs the whole network, so there is no per-op dispatch.
 *
 * <p>The numbers are the tape's, bit for bit, wherever the tape's products run in
 * {@link dev.descent.tensor.LoopGemm} (below 4 096 multiply-adds): each sum adds the same terms
 * in the same order as the kernel the tape would pick for the shape (the "tall" kernels when m is
 * at least 4 times the layer's widths: {@code Z = b}, then {@code += A·w} term by term; {@code dW}
 * as two sums over the even and the odd examples), and each gradient starts from zero as the
 * tape's zeroed gradients do. Larger products, which the tape sends to OpenBLAS, differ from
 * the tape in rounding only: their Z and dA sums keep the loop order, their dW sums run in
 * blocks that load less (OpenBLAS's order is not one to match anyway). One difference
 * beyond rounding, on purpose: ReLU is {@code max(Z, 0)} and its derivative a multiplication,
 * both without a branch (a mispredicted branch per unit costs more than the arithmetic), so a
 * NaN pre-activation stays NaN here where the tape's ReLU maps it to 0; the cost turns NaN and
 * the trainer stops, as numpy and PyTorch would.
 *
 * <p>Takes: {@link Dense} layers with bias, each followed by at most one {@link ActivationLayer}
 * (none after the last), binary cross-entropy or mean squared error, no cost terms, the default
 * {@link Gemm}, and at most {@value #MAX_WIDTH} inputs and units per layer, beyond which BLAS wins.
 */
public final class SmallNetStep implements TrainingStep {
  /** The widest layer (inputs included) this step takes. */
  public static final int MAX_WIDTH = 32;
  /** As {@link dev.descent.tensor.LoopGemm}'s: m at least this times the widths selects its tall kernels. */
  private static final int TALL = 4;

  private final int m;
  private final int depth;
  /** n[0] (inputs), n[1], …, n[L]. */
  private final int[] widths;
  private final float[][] w;
  private final float[][] b;
  private final float[][] dW;
  private final float[][] db;
  /** The activation after dense layer l (index l − 1); LINEAR where there is none. */
  private final Pointwise.Function[] activations;
  private final boolean meanSquaredError;
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
  private final float[][] yT;
  /** d(cost)/dA of the layer below the one being differentiated. */
  private final float[][] dA;
  /** Every layer's dZ rows, padded to groups of eight, and the bias gradient entry each sums into. */
  private final float[][] biasRows;
  private final float[][] biasTargets;
  private final int[] biasIndices;

  /** For {@code network}, which {@link #supports} must take, on batches of {@code m}. */
  SmallNetStep(Network network, int m) {
    this.m = m;
    List<Dense> dense = new ArrayList<>();
    List<Pointwise.Function> functions = new ArrayList<>();
    for (Layer layer : network.layers()) {
      if (layer instanceof Dense d) {
        dense.add(d);
        functions.add(Pointwise.Function.LINEAR);
      } else {
        functions.set(functions.size() - 1, ((ActivationLayer) layer).activation().function());
      }
    }
    depth = dense.size();
    widths = new int[depth + 1];
    widths[0] = network.inputs();
    w = new float[depth + 1][];
    b = new float[depth + 1][];
    dW = new float[depth + 1][];
    db = new float[depth + 1][];
    activations = new Pointwise.Function[depth + 1];
    tall = new boolean[depth + 1];
    blasSized = new boolean[depth + 1];
    a = new float[depth + 1][][];
    z = new float[depth + 1][][];
    dZ = new float[depth + 1][][];
    a[0] = new float[widths[0]][m];
    int widest = widths[0];
    for (int l = 1; l <= depth; l++) {
      Dense d = dense.get(l - 1);
      widths[l] = d.units();
      widest = Math.max(widest, widths[l]);
      w[l] = values(d.weights().value());
      b[l] = values(d.bias().value());
      dW[l] = values(d.weights().grad());
      db[l] = values(d.bias().grad());
      activations[l] = functions.get(l - 1);
      tall[l] = m >= TALL * Math.max(widths[l], widths[l - 1]);
      blasSized[l] = (long) widths[l] * widths[l - 1] * m >= SizeSwitchingGemm.DEFAULT_THRESHOLD;
      z[l] = new float[widths[l]][m];
      dZ[l] = new float[widths[l]][m];
      a[l] = l < depth ? new float[widths[l]][m] : null;
    }
    meanSquaredError = network.loss() == Loss.MEAN_SQUARED_ERROR;
    yT = new float[widths[depth]][m];
    dA = new float[widest][m];
    List<float[]> biasRows = new ArrayList<>();
    List<float[]> biasTargets = new ArrayList<>();
    List<Integer> biasIndices = new ArrayList<>();
    for (int l = 1; l <= depth; l++) {
      for (int j = 0; j < widths[l]; j++) {
        biasRows.add(dZ[l][j]);
        biasTargets.add(db[l]);
        biasIndices.add(j);
      }
    }
    // padded to whole groups of eight with zero rows summed into a scratch entry
    float[] zeros = new float[m];
    float[] scratch = new float[1];
    while (biasRows.size() % 8 != 0) {
      biasRows.add(zeros);
      biasTargets.add(scratch);
      biasIndices.add(0);
    }
    this.biasRows = biasRows.toArray(new float[0][]);
    this.biasTargets = biasTargets.toArray(new float[0][]);
    this.biasIndices = biasIndices.stream().mapToInt(Integer::intValue).toArray();
  }

  static boolean supports(Network network) {
    if (network.precision() != Precision.F32 || network.gemm() != Gemm.auto() || !network.costTerms().isEmpty()
        || (network.loss() != Loss.BINARY_CROSS_ENTROPY && network.loss() != Loss.MEAN_SQUARED_ERROR)
        || network.inputs() > MAX_WIDTH) {
      return false;
    }
    List<Layer> layers = network.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer instanceof Dense d) {
        if (d.bias() == null || d.units() > MAX_WIDTH) {
          return false;
        }
      } else if (!(layer instanceof ActivationLayer) || i == 0 || !(layers.get(i - 1) instanceof Dense)
          || i == layers.size() - 1) {
        return false;
      }
    }
    return true;
  }

  private static float[] values(Matrix matrix) {
    return ((F32Matrix) matrix).values;
  }

  @Override
  public int batchSize() {
    return m;
  }

  /** Copies the rows in transposed: feature c of the i-th example goes to {@code Xᵀ[c][i]}. */
  @Override
  public void load(Matrix features, Matrix targets, int[] order, int from) {
    gatherTransposed(features, order, from, a[0]);
    if (targets != null) {
      gatherTransposed(targets, order, from, yT);
    }
  }

  private void gatherTransposed(Matrix source, int[] order, int from, float[][] out) {
    int cols = out.length;
    if (source.cols() != cols) {
      throw new IllegalArgumentException("a batch of " + source.cols() + " column(s) for a network layer of " + cols);
    }
    if (!(source instanceof F32Matrix f)) {
      for (int c = 0; c < cols; c++) {
        for (int i = 0; i < m; i++) {
          out[c][i] = (float) source.getFlat((order == null ? from + i : order[from + i]) * cols + c);
        }
      }
      return;
    }
    float[] rows = f.values;
    for (int c = 0; c < cols; c++) {
      float[] column = out[c];
      if (order == null) {
        for (int i = 0, q = from * cols + c; i < m; i++, q += cols) {
          column[i] = rows[q];
        }
      } else {
        for (int i = 0; i < m; i++) {
          column[i] = rows[order[from + i] * cols + c];
        }
      }
    }
  }

  @Override
  public double step() {
    double cost = forward();
    for (int l = depth; l > 1; l--) {
      inputGradients(l);
    }
    // every dZ is known now: the parameter gradients, with independent sums side by side
    for (int l = 1; l <= depth; l++) {
      weightGradient(l);
    }
    biasGradients();
    return cost;
  }

  /**
   * Forward only, on the loaded batch: the mean cost as the tape computes it. (The output
   * layer's dZ is filled too; no parameter gradient is touched.)
   */
  double forward() {
    for (int l = 1; l <= depth; l++) {
      affine(l);
      if (l < depth && !reluFused(l)) {
        for (int j = 0; j < widths[l]; j++) {
          activate(activations[l], z[l][j], a[l][j]);
        }
      }
    }
    return meanSquaredError ? squaredErrorCostAndGradient() : crossEntropyCostAndGradient();
  }

  /**
   * After {@link #forward()}: how many loaded examples have their first output on the same side
   * of 0.5 as their first target (the output being σ(Z) in float32 for cross-entropy, Z for
   * squared error), which is the accuracy's count for a single output.
   */
  int agreeing() {
    float[] logits = z[depth][0];
    float[] targets = yT[0];
    int count = 0;
    for (int i = 0; i < m; i++) {
      double output = meanSquaredError ? logits[i] : (float) Pointwise.sigmoid(logits[i]);
      if ((output > 0.5) == (targets[i] > 0.5)) {
        count++;
      }
    }
    return count;
  }

  /** Whether hidden layer l's ReLU is applied in the last pass of its tall product rather than in a pass of its own. */
  private boolean reluFused(int l) {
    return tall[l] && l < depth && activations[l] == Pointwise.Function.RELU;
  }

  /** {@code A = g(Z)}; ReLU as {@code max(Z, 0)}, which compiles without a branch. */
  private void activate(Pointwise.Function f, float[] zq, float[] aq) {
    if (f == Pointwise.Function.RELU) {
      for (int i = 0; i < m; i++) {
        aq[i] = Math.max(zq[i], 0f);
      }
    } else {
      Pointwise.forward32(f, zq, aq, m);
    }
  }

  /**
   * {@code dZ = 0 + dA ⊙ g'(Z)}, as the tape computes it into its zeroed gradient, for the
   * activations other than ReLU (whose derivative joins the last pass of dA's sum).
   */
  private void activationGradient(Pointwise.Function f, float[] zq, float[] aq, float[] da, float[] dz) {
    Arrays.fill(dz, 0f);
    Pointwise.backward32(f, zq, aq, da, dz, m);
  }

  /** {@code Z[l] = W[l]·A[l−1] + b[l]}, n[l] × m. */
  private void affine(int l) {
    int n = widths[l];
    int k = widths[l - 1];
    float[][] in = a[l - 1];
    float[] weights = w[l];
    for (int j = 0; j < n; j++) {
      float[] out = z[l][j];
      float bias = b[l][j];
      if (tall[l]) {
        // Z = b, then += A·w term by term
        boolean relu = reluFused(l);
        UnitSums.sumOfProducts(m, out, bias, in, weights, j * k, 1, k,
            relu ? LastPass.STORE_AND_RELU : LastPass.STORE, relu ? a[l][j] : null, null);
      } else {
        // LoopGemm's short kernel: the dot product first, then the bias
        for (int i = 0; i < m; i++) {
          float s = 0;
          for (int p = 0; p < k; p++) {
            s += in[p][i] * weights[j * k + p];
          }
          out[i] = bias + s;
        }
      }
    }
  }

  /**
   * Mean binary cross-entropy from the logits and its gradient {@code dZ = (σ(Z) − Y)/m}, both
   * from one {@code e^−|z|}; the cost is summed in the tape's order (example by example, the logs
   * of products of {@link BinaryCrossEntropy#LOG_OF_PRODUCT} factors as its float32 path takes
   * them) and rounded to float32 as the tape's 1 × 1 cost matrix rounds it.
   */
  private double crossEntropyCostAndGradient() {
    int n = widths[depth];
    if (n == 1) {
      return singleOutputCrossEntropy();
    }
    float[][] logits = z[depth];
    float[][] grad = dZ[depth];
    float scale = (float) (1.0 / m);
    double sum = 0;
    double product = 1;
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double zq = logits[j][i];
        float y = yT[j][i];
        double e = NonPositiveExp.of(-Math.abs(zq));
        sum += Math.max(zq, 0) - zq * y;
        product *= 1 + e;
        if (k % BinaryCrossEntropy.LOG_OF_PRODUCT == BinaryCrossEntropy.LOG_OF_PRODUCT - 1) {
          sum += Math.log(product);
          product = 1;
        }
        double sigmoid = numerator(zq, e) / (1 + e);
        grad[j][i] = 0f + scale * ((float) sigmoid - y);
      }
    }
    return (float) ((sum + Math.log(product)) / m);
  }

  /**
   * {@link #crossEntropyCostAndGradient()} for one output unit, the course's case: the same terms
   * in the same order, with the rows held in locals and the products' logarithms taken after
   * each run of {@link BinaryCrossEntropy#LOG_OF_PRODUCT} examples rather than tested for in
   * every iteration, so that nothing but the arithmetic is left in the loop.
   */
  private double singleOutputCrossEntropy() {
    float[] logits = z[depth][0];
    float[] targets = yT[0];
    float[] grad = dZ[depth][0];
    float scale = (float) (1.0 / m);
    double sum = 0;
    for (int start = 0; start < m; start += BinaryCrossEntropy.LOG_OF_PRODUCT) {
      int end = Math.min(m, start + BinaryCrossEntropy.LOG_OF_PRODUCT);
      double product = 1;
      for (int i = start; i < end; i++) {
        double zq = logits[i];
        float y = targets[i];
        double e = NonPositiveExp.of(-Math.abs(zq));
        sum += Math.max(zq, 0) - zq * y;
        product *= 1 + e;
        grad[i] = 0f + scale * ((float) (numerator(zq, e) / (1 + e)) - y);
      }
      sum += Math.log(product);
    }
    return (float) (sum / m);
  }

  /**
   * σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, with e = e^−|z|: the numerator, 1 or e,
   * chosen by z's sign bit without a branch (a logit's sign is a coin toss in training, and a
   * mispredicted branch per example cost more than the rest of its sigmoid). For z = −0, e = 1
   * and both numerators are 1.
   */
  private static double numerator(double z, double e) {
    long negative = Double.doubleToRawLongBits(z) >> 63;
    return Double.longBitsToDouble((ONE_BITS & ~negative) | (Double.doubleToRawLongBits(e) & negative));
  }

  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

  /** Mean squared error (summed over outputs, averaged over examples) and {@code dZ = 2(Z − Y)/m}. */
  private double squaredErrorCostAndGradient() {
    int n = widths[depth];
    float[][] predictions = z[depth];
    float[][] grad = dZ[depth];
    double scale = 2.0 / m;
    double sum = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double d = (double) predictions[j][i] - yT[j][i];
        sum += d * d;
        grad[j][i] = (float) (0.0 + scale * d);
      }
    }
    return (float) (sum / m);
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
        activationGradient(activations[l - 1], z[l - 1][q], a[l - 1][q], dA[q], dZ[l - 1][q]);
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
    float[] out = dW[l];
    float[] d = dZ[l][j];
    int row = j * k;
    int p = from;
    if (tall[l]) {
      for (; p + 3 < k; p += 4) {
        ExampleSums.evenOddSums4(m, d, in[p], in[p + 1], in[p + 2], in[p + 3], out, row + p);
      }
      for (; p + 1 < k; p += 2) {
        ExampleSums.evenOddSums2(m, d, in[p], in[p + 1], out, row + p);
      }
      if (p < k) {
        out[row + p] = ExampleSums.evenOddSum(m, d, in[p]);
      }
    } else {
      for (; p < k; p++) {
        out[row + p] = ExampleSums.runSum(m, d, in[p]);
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
    float[] out = dW[l];
    boolean wide = k >= 4;
    int rows = wide ? 2 : 4;
    int cols = wide ? 4 : 2;
    int j = 0;
    for (; j + rows <= n; j += rows) {
      int p = 0;
      for (; p + cols <= k; p += cols) {
        if (wide) {
          ExampleSums.blockSums(m, d[j], d[j + 1], in[p], in[p + 1], in[p + 2], in[p + 3], out, j * k + p, k, 1);
        } else {
          ExampleSums.blockSums(m, in[p], in[p + 1], d[j], d[j + 1], d[j + 2], d[j + 3], out, j * k + p, 1, k);
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

  /**
   * {@code db[l] = Σ_examples dZ[l]} for every layer, example by example as the tape's column
   * sums, eight rows at a time (the rows of all layers in one list, padded with zero rows).
   */
  private void biasGradients() {
    ExampleSums.rowSumsByEight(m, biasRows, biasTargets, biasIndices);
  }
}
