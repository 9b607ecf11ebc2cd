package dev.descent.bench;

import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The matrix products of one training step of a dense float32 network, timed alone: forward
 * {@code Z = Aprev·Wᵀ} and backward {@code dW = dZᵀ·Aprev} for every layer, {@code dA = dZ·W} for
 * all but the first, on operands of the step's shapes and called as
 * {@link dev.descent.autodiff.Affine} calls them (forward β = 1 over the broadcast bias, backward
 * β = 0).
 *
 * <p>Why: a step can be no faster than its products, so their time alone is the bound the step's
 * own time should be read against. The GEMM ceiling in docs/performance.md is the fastest square
 * product (n up to 2048); the step's shapes (1024 × 784 by 784 × 512 and smaller) may not reach
 * it even with nothing else to do.
 *
 * <pre>{@code
 * StepProducts p = new StepProducts(new int[] {784, 512, 256, 10}, 1024, Gemm.auto(), Rng.of(3));
 * double seconds = p.medianSeconds(9);   // one pass over the eight products
 * }</pre>
 */
final class StepProducts {
  private static final double WARMUP_SECONDS = 0.3;
  private static final double SAMPLE_SECONDS = 0.05;

  private final List<Runnable> products = new ArrayList<>();
  private final long flops;

  /** {@code widths} are n[0] (inputs), n[1], …, n[L]. */
  StepProducts(int[] widths, int batch, Gemm gemm, Rng rng) {
    if (widths.length < 2 || batch < 1) {
      throw new IllegalArgumentException("need at least one layer and one example: widths "
          + Arrays.toString(widths) + ", batch " + batch);
    }
    long count = 0;
    Matrix aPrev = gaussian(batch, widths[0], rng.fork("A", 0));
    for (int l = 1; l < widths.length; l++) {
      Matrix w = gaussian(widths[l], widths[l - 1], rng.fork("W", l));
      Matrix z = gaussian(batch, widths[l], rng.fork("Z", l));
      Matrix dZ = gaussian(batch, widths[l], rng.fork("dZ", l));
      Matrix dW = Matrix.zeros(Precision.F32, widths[l], widths[l - 1]);
      Matrix input = aPrev;
      long mac = (long) batch * widths[l] * widths[l - 1];
      products.add(() -> gemm.multiply(input, false, w, true, z, 1, 1));
      products.add(() -> gemm.multiply(dZ, true, input, false, dW, 1, 0));
      count += 4 * mac;
      if (l > 1) {
        Matrix dAprev = Matrix.zeros(Precision.F32, batch, widths[l - 1]);
        products.add(() -> gemm.multiply(dZ, false, w, false, dAprev, 1, 0));
        count += 2 * mac;
      }
      aPrev = z;
    }
    flops = count;
  }

  /** Floating-point operations of one pass over the products. */
  long flops() {
    return flops;
  }

  int count() {
    return products.size();
  }

  /**
   * The median seconds of one pass over {@code samples} samples, after {@value #WARMUP_SECONDS}
   * s of untimed passes; each sample averages as many passes as fill {@value #SAMPLE_SECONDS} s.
   */
  double medianSeconds(int samples) {
    return Timing.of(this::pass, WARMUP_SECONDS, SAMPLE_SECONDS, samples).seconds().median();
  }

  void pass() {
    for (Runnable product : products) {
      product.run();
    }
  }

  private static Matrix gaussian(int rows, int cols, Rng rng) {
    Matrix m = Matrix.zeros(Precision.F32, rows, cols);
    for (int k = 0, size = m.size(); k < size; k++) {
      m.setFlat(k, rng.nextGaussian());
    }
    return m;
  }
}
