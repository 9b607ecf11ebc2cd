package dev.descent.tensor;

/**
 * The matrix product {@code C = alpha·op(A)·op(B) + beta·C}, where {@code op(X)} is X or Xᵀ.
 *
 * <p>All operands are row-major and of one precision. {@link #auto()} chooses, per call, the
 * kernel that measured fastest for the shape: {@link LoopGemm} for the course's tiny products,
 * where a native call costs more than the arithmetic, and {@link OpenBlasGemm} above that.
 */
public interface Gemm {

  void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta);

  /** The default: loops below {@link SizeSwitchingGemm#DEFAULT_THRESHOLD} multiply-adds, BLAS above. */
  static Gemm auto() {
    return SizeSwitchingGemm.DEFAULT;
  }

  /** Checks the shapes of a product and returns its inner dimension K. */
  static int innerDimension(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c) {
    int m = transposeA ? a.cols() : a.rows();
    int k = transposeA ? a.rows() : a.cols();
    int kb = transposeB ? b.cols() : b.rows();
    int n = transposeB ? b.rows() : b.cols();
    if (k != kb || c.rows() != m || c.cols() != n) {
      throw new IllegalArgumentException("matrix product: " + a.shape() + (transposeA ? "ᵀ" : "")
          + " · " + b.shape() + (transposeB ? "ᵀ" : "") + " → " + c.shape() + " does not fit");
    }
    if (a.precision() != b.precision() || a.precision() != c.precision()) {
      throw new IllegalArgumentException("matrix product: mixed precisions " + a.precision()
          + ", " + b.precision() + ", " + c.precision());
    }
    return k;
  }
}
