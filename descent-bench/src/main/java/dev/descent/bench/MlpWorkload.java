package dev.descent.bench;

import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.OpenBlasGemm;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;

/**
 * The throughput workload: a 784-512-256-10 relu/relu/softmax network (He, seed 7), Adam
 * lr 1e-3, float32, on synthetic data: N(0,1) inputs, labels from a random linear teacher
 * (argmax of x·T with T 784 × 10 also N(0,1)), so the cost really falls.
 *
 * <p>The data are built directly in float32: a {@link dev.descent.data.Dataset} holds float64 by
 * contract, which for 60 000 × 784 would add 376 MB the float32 training never reads.
 *
 * <pre>{@code
 MlpWorkload.Data data = MlpWorkload.data(60_000, Rng.of(42));   // 188 MB of float32 features
 * new StepLoop(MlpWorkload.problem(128, data), Rng.of(0)).epoch();
 * }</pre>
 */
public final class MlpWorkload {
  public static final int INPUTS = 784;
  public static final int[] HIDDEN = {512, 256};
  public static final int CLASSES = 10;
  public static final double LEARNING_RATE = 1e-3;
  /** The default data size (MNIST's training set). */
  public static final int EXAMPLES = 60_000;

  private MlpWorkload() {}

  /** Training rows: features (examples × 784) and one-hot targets (examples × 10), float32. */
  public record Data(Matrix features, Matrix targets) {
    /** The bytes of both matrices' elements. */
    public long bytes() {
      return 4L * (features.size() + targets.size());
    }
  }

  private static final int SCORE_BLOCK = 4096;

  /** Seeded synthetic rows; see the class comment. */
  public static Data data(int examples, Rng rng) {
    if (examples < 1) {
      throw new IllegalArgumentException("examples = " + examples + ": must be at least 1");
    }
    F32Matrix x = (F32Matrix) Matrix.zeros(Precision.F32, examples, INPUTS);
    gaussian(x, rng.fork("features", 0));
    F32Matrix teacher = (F32Matrix) Matrix.zeros(Precision.F32, CLASSES, INPUTS);
    gaussian(teacher, rng.fork("teacher", 0));
    Matrix y = Matrix.zeros(Precision.F32, examples, CLASSES);
    // the teacher's scores a block of rows at a time: one product of the whole set would stage a
    // second copy of it for OpenBLAS, and the suite's peak memory is part of what it measures
    F32Matrix block = null;
    Matrix scores = null;
    for (int from = 0; from < examples; from += SCORE_BLOCK) {
      int rows = Math.min(SCORE_BLOCK, examples - from);
      if (block == null || block.rows() != rows) {
        block = (F32Matrix) Matrix.zeros(Precision.F32, rows, INPUTS);
        scores = Matrix.zeros(Precision.F32, rows, CLASSES);
      }
      System.arraycopy(x.values, from * INPUTS, block.values, 0, rows * INPUTS);
      OpenBlasGemm.INSTANCE.multiply(block, false, teacher, true, scores, 1, 0);
      for (int i = 0; i < rows; i++) {
        int best = 0;
        for (int j = 1; j < CLASSES; j++) {
          if (scores.get(i, j) > scores.get(i, best)) {
            best = j;
          }
        }
        y.set(from + i, best, 1);
      }
    }
    return new Data(x, y);
  }

  private static void gaussian(F32Matrix m, Rng rng) {
    float[] v = m.values;
    for (int k = 0; k < v.length; k++) {
      v[k] = (float) rng.nextGaussian();
    }
  }

  /** A fresh network (the same weights on every call) and Adam, on {@code data}. */
  public static Problem problem(int batchSize, Data data) {
    return new Problem("mlp-b" + batchSize, network(), Optimizers.adam(LEARNING_RATE), data.features(),
        data.targets(), batchSize);
  }

  /** A fresh 784-512-256-10 network, float32, the same He weights (seed 7) on every call. */
  public static Network network() {
    return Network.builder(INPUTS, Precision.F32, Rng.of(7))
        .dense(HIDDEN[0], Init.he()).activation(Activation.RELU)
        .dense(HIDDEN[1], Init.he()).activation(Activation.RELU)
        .dense(CLASSES, Init.he()).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
  }

  /** The layer widths, inputs first: 784, 512, 256, 10. */
  public static int[] widths() {
    return new int[] {INPUTS, HIDDEN[0], HIDDEN[1], CLASSES};
  }

  /**
   * Floating-point operations of the products in one training step per example: forward
   * Z = A·Wᵀ and backward dW = dZᵀ·A for every layer, dA = dZ·W for all but the first
   * (2·n·n_prev each). Used to express throughput as a fraction of the GEMM ceiling.
   */
  public static long productFlopsPerExample() {
    int[] sizes = widths();
    long flops = 0;
    for (int l = 1; l < sizes.length; l++) {
      long mac = (long) sizes[l] * sizes[l - 1];
      flops += 2 * mac + 2 * mac + (l > 1 ? 2 * mac : 0);
    }
    return flops;
  }
}
