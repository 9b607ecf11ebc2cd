package dev.descent.tensor;

/** Sends small products to plain loops and large ones to OpenBLAS; see {@link Gemm#auto()}. */
public final class SizeSwitchingGemm implements Gemm {
  /**
   * Multiply-adds (m·n·k) below which loops win. Measured with the bench module's GemmBenchmark
   * on a 2-core AVX-512 machine: loops are ahead up to about 32³, level with BLAS at 48³.
   */
  public static final long DEFAULT_THRESHOLD = 40L * 40 * 40;

  static final SizeSwitchingGemm DEFAULT = new SizeSwitchingGemm(DEFAULT_THRESHOLD);

  private final long threshold;
  private final LoopGemm loops = new LoopGemm();

  public SizeSwitchingGemm(long threshold) {
    this.threshold = threshold;
  }

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    if ((long) c.rows() * c.cols() * k < threshold) {
      loops.multiply(a, transposeA, b, transposeB, c, alpha, beta);
    } else {
      OpenBlasGemm.INSTANCE.multiply(a, transposeA, b, transposeB, c, alpha, beta);
    }
  }
}
