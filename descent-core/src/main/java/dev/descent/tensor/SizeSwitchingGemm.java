package dev.descent.tensor;

/**
 * Sends small products to plain loops and large ones to OpenBLAS, or every product to the loops
 * where OpenBLAS does not run (see {@link Blas}); see {@link Gemm#auto()}.
 */
public final class SizeSwitchingGemm implements Gemm {
  /**
   * Multiply-adds (m·n·k) below which loops win: a native call plus staging costs a few hundred
   * nanoseconds, and OpenBLAS's vector kernels overtake plain loops within a few thousand
   * multiply-adds (measured on this project's 2-core machine; see docs/performance.md). The
   * course's nets (64·5·2 = 640) stay in loops; a [20,50,30] layer on 32 examples goes to BLAS.
   */
  public static final long DEFAULT_THRESHOLD = 4096;

  static final SizeSwitchingGemm DEFAULT = new SizeSwitchingGemm(DEFAULT_THRESHOLD);

  /** Whether OpenBLAS runs; asked at the first large product, so that tiny networks never load it. */
  private static final class Native {
    static final boolean OPENBLAS = Blas.available();
  }

  private final long threshold;
  private final LoopGemm loops = new LoopGemm();

  public SizeSwitchingGemm(long threshold) {
    this.threshold = threshold;
  }

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    if ((long) c.rows() * c.cols() * k < threshold || !Native.OPENBLAS) {
      loops.multiply(a, transposeA, b, transposeB, c, alpha, beta);
    } else {
      OpenBlasGemm.INSTANCE.multiply(a, transposeA, b, transposeB, c, alpha, beta);
    }
  }
}
